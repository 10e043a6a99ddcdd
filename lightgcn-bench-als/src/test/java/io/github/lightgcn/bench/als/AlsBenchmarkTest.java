package io.github.lightgcn.bench.als;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlsBenchmarkTest {

    @Test
    void anOutFileInAMissingFolderIsRefusedBeforeAnyWork(@TempDir Path dir) {
        Path out = dir.resolve("missing/results.json");
        assertEquals("--out " + out + ": the folder " + dir.resolve("missing") + " does not exist",
                assertThrows(IOException.class, () -> AlsBenchmark.checkOut(out)).getMessage());
        assertDoesNotThrow(() -> AlsBenchmark.checkOut(dir.resolve("results.json")));
        assertDoesNotThrow(() -> AlsBenchmark.checkOut(null));
    }
}
