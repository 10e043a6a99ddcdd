package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Model files the command line wrote before (the ids travelling as attachments, {@link WriteFrozenCliFixtures})
 * still load, and answer the same queries with the same output, line for line.
 */
class FrozenCliFixturesTest {

    private static Path fixture(String name) {
        try {
            return Path.of(FrozenCliFixturesTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs each "$ command" of an expected file (MODEL and file names resolved) and compares the output. */
    private static void assertSameAnswers(String model, String expectedFile) throws IOException {
        List<String> expected = Files.readAllLines(fixture(expectedFile));
        List<String> actual = new ArrayList<>();
        for (String line : expected) {
            if (!line.startsWith("$ ")) continue;
            actual.add(line);
            String[] argv = Arrays.stream(line.substring(2).split(" ")).map(a -> a.equals("MODEL")
                    ? fixture(model).toString() : a.endsWith(".csv") ? fixture(a).toString() : a).toArray(String[]::new);
            if (model.startsWith("anime") && !argv[0].equals("evaluate")) {
                // these answers were frozen before adult titles were left out by default: ask for them, so the
                // file still has to give the same answers bit for bit
                argv = java.util.stream.Stream.concat(Arrays.stream(argv), java.util.stream.Stream.of("--include-adult"))
                        .toArray(String[]::new);
            }
            CliRun run = CliRun.of(argv);
            assertEquals(0, run.exitCode(), run::toString);
            for (String out : run.outLines()) {
                actual.add(out.replace(fixture(model).toString(), "MODEL")
                        .replace(fixture("csv-v1.test.csv").toString(), "csv-v1.test.csv"));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void animeModelOfVersion1AnswersAsItDid() throws IOException {
        assertSameAnswers("anime-v1.lgcn", "anime-v1.expected.txt");
    }

    @Test
    void splitFileModelOfVersion1EvaluatesAsItDid() throws IOException {
        assertSameAnswers("csv-v1.lgcn", "csv-v1.expected.txt");
    }
}
