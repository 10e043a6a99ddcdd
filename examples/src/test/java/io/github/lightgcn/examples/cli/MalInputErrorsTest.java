package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad MAL input through {@code train --anime --ratings}: one line naming file, line and field; or counted skips. */
class MalInputErrorsTest {

    @TempDir
    Path dir;

    GeneratedData data;
    Path badRatings;

    @BeforeEach
    void write() throws IOException {
        data = MalGenerator.generate(dir.resolve("mal"), 1000, 3);
        List<String> lines = new ArrayList<>(Files.readAllLines(data.ratingsCsv()));
        lines.set(3, lines.get(3).replaceFirst(",[0-9]+,", ",abc,")); // file line 4: anime_id not a number
        lines.set(6, lines.get(6).replaceFirst(",-?[0-9]+$", ",11")); // file line 7: rating out of range
        badRatings = Files.write(dir.resolve("bad.csv"), lines);
    }

    private CliRun train(String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--anime", data.animeCsv().toString(), "--ratings",
                badRatings.toString(), "--epochs", "2", "--threads", "1", "--batch", "256"));
        a.addAll(Arrays.asList(extra));
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void badRowNamesFileLineAndField() {
        CliRun r = train();
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().getFirst();
        assertTrue(line.startsWith("error: " + badRatings + ", line 4, field anime_id"), line);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void skipBadRowsCountsThemAndTrains() {
        CliRun r = train("--skip-bad-rows");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("1,000 rows read: 998 interactions kept, 2 bad rows skipped"), r::toString);
        assertTrue(r.out().contains("  skipped: ") && r.out().contains("line 4"), r::toString);
    }

    @Test
    void modeOptionsAreCheckedAsUsageErrors() {
        CliRun r = CliRun.of("train", "--anime", data.animeCsv().toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--anime and --ratings go together"), r::toString);
        r = train("--test", "1.5");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("'--test': with --anime/--ratings it is a fraction in [0, 1), got '1.5'"),
                r::toString);
        r = train("--min-rating", "0");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("'--min-rating': must be in 1..10, got 0"), r::toString);
        r = CliRun.of("train", "--ratings", badRatings.toString(), "--anime", dir.resolve("none.csv").toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--anime file not found"), r::toString);
    }

    @Test
    void anUnclosedQuoteInAnimeCsvNamesTheLineItOpensOn() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(data.animeCsv()));
        String id4 = lines.get(3).split(",")[0], id5 = lines.get(4).split(",")[0];
        lines.set(3, id4 + ",\"Unclosed Title,Action,TV,12,7.5,1000"); // file line 4: the quote is never closed
        lines.set(4, id5 + ",Next,\"Drama, Action\",TV,12,7.5,1000");  // the next quote, on line 5
        Path anime = Files.write(dir.resolve("unclosed.csv"), lines);
        CliRun r = CliRun.of("train", "--anime", anime.toString(), "--ratings", badRatings.toString());
        assertEquals(1, r.exitCode(), r::toString);
        String line = r.errLines().getFirst();
        assertTrue(line.contains("the quoted field opened on line 4 is not closed on that line (a quote missing on"
                + " line 4?)"), line);

        lines.set(3, id4 + ",\"Closed\" stray,Action,TV,12,7.5,1000"); // closed, then more text
        anime = Files.write(dir.resolve("stray.csv"), lines);
        r = CliRun.of("train", "--anime", anime.toString(), "--ratings", badRatings.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.errLines().getFirst().startsWith("error: " + anime + ", line 4: not valid CSV: 's' follows the"
                + " closing quote of a field"), r::toString);
    }

    @Test
    void missingModelFileIsOneLine() {
        CliRun r = CliRun.of("recommend", "--model", dir.resolve("nope.lgcn").toString(), "--user", "1");
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(List.of("error: --model file not found: " + dir.resolve("nope.lgcn")), r.errLines());
    }

    @Test
    void helpOnEveryCommand() {
        for (String command : List.of("demo", "train", "recommend", "similar", "evaluate", "export")) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().startsWith("Usage: lightgcn " + command), r::toString);
        }
        CliRun r = CliRun.of("recommend", "--model", "m.lgcn");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--user") && r.err().contains("--likes"), r::toString);
    }
}
