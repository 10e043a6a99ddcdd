package io.github.lightgcn.bench.reproduce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.*;

class WallTest {

    @TempDir
    Path dir;

    @Test
    void theSavedWallTimeCountsOnlyForTheCheckpointItWasSavedWith() throws IOException {
        Path file = dir.resolve("run.wall");
        assertEquals(OptionalDouble.empty(), Reproduce.Wall.read(file, 143, 57), "no file yet");
        Reproduce.Wall.write(file, 143, 57, 4812.25);
        assertEquals(OptionalDouble.of(4812.3), Reproduce.Wall.read(file, 143, 57));
        assertEquals(OptionalDouble.empty(), Reproduce.Wall.read(file, 160, 0), "a later checkpoint: the curve's time");
        assertEquals(OptionalDouble.empty(), Reproduce.Wall.read(file, 143, 58));
    }

    @Test
    void aDamagedFileIsNamed() throws IOException {
        Path file = dir.resolve("run.wall");
        Files.writeString(file, "143 x 12.0\n");
        IOException e = assertThrows(IOException.class, () -> Reproduce.Wall.read(file, 143, 57));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
