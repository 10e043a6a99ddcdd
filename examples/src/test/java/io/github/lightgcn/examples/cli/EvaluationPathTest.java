package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import io.github.lightgcn.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code train --anime} and {@code demo} evaluate on the fast paths: every evaluation of the model (during training
 * and the final one on test) by the blocked SIMD ranking, popularity by its own order, none by dense scoring. The
 * command line once wrapped the model's scorer in a progress decorator, which hid it from the evaluator and sent
 * the final evaluation down the scalar dense path; the evaluator's log (logger {@code io.github.lightgcn.eval},
 * DEBUG) says which ranking ran.
 */
class EvaluationPathTest {

    private static final String BLOCKED = "blocked SIMD ranking of embeddings", POPULARITY = "popularity order";

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = new LogCapture("io.github.lightgcn.eval");

    /** Popularity first (before training), then only the blocked path, the last one being the final test run. */
    private void assertFastPaths(CliRun run) {
        assertEquals(0, run.exitCode(), run::toString);
        List<String> logged = log.messages();
        assertTrue(logged.size() >= 3, logged::toString); // popularity, at least one epoch evaluation, the final one
        assertTrue(logged.getFirst().endsWith(POPULARITY), logged::toString);
        for (String line : logged.subList(1, logged.size())) assertTrue(line.endsWith(BLOCKED), logged::toString);
        String finalUsers = run.outLines().stream().filter(l -> l.startsWith("LightGCN on test: ")).findFirst()
                .orElseThrow().replaceAll(".*\\(([\\d,]+) users.*", "$1").replace(",", "");
        assertEquals("lightgcn: evaluating " + finalUsers + " users by " + BLOCKED, logged.getLast());
    }

    @Test
    void trainOnAnimeFilesEvaluatesOnTheFastPaths() throws IOException {
        GeneratedData data = MalGenerator.generate(dir.resolve("mal"), 3000, 5);
        assertFastPaths(CliRun.of("train", "--anime", data.animeCsv().toString(), "--ratings",
                data.ratingsCsv().toString(), "--epochs", "4", "--eval-every", "2", "--threads", "2",
                "--model-out", dir.resolve("m.lgcn").toString()));
    }

    @Test
    void demoEvaluatesOnTheFastPaths() {
        assertFastPaths(CliRun.of("demo", "--generated", "--out",
                dir.resolve("out").toString(), "--interactions", "3000", "--epochs", "4", "--threads", "2"));
    }
}
