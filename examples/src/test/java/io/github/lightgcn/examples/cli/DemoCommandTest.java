package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.model.AnimeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lightgcn demo} without data/mal: generates data, trains, writes the outputs, shows a user's top 5. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoOnGeneratedData() throws IOException {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("demo", "--data", dir.resolve("no-data").toString(), "--out", out.toString(),
                "--interactions", "3000", "--epochs", "10", "--threads", "1");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.outLines().getFirst().contains("using a generated MAL-shaped data set (3,000 ratings"),
                r::toString);
        assertTrue(r.out().contains("recall@20") && r.out().contains("popularity"), r::toString);
        assertTrue(r.out().matches("(?s).*top 5 for user \\d+, who watched \\d+ anime.*"), r::toString);
        assertTrue(r.out().contains("rank  title"), r::toString);
        assertTrue(r.out().contains("outputs in " + out), r::toString);
        for (String f : new String[]{"model.lgcn", "metrics.json", "curves.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        byte[] png = Files.readAllBytes(out.resolve("curves.png"));
        assertTrue(Arrays.equals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8)));
        AnimeModel model = AnimeModel.load(out.resolve("model.lgcn"));
        assertTrue(model.anime().size() > 0);
    }
}
