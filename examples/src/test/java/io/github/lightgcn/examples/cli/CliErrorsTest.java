package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and the one-line messages of usage errors (2) and runtime failures (1); help on every command. */
class CliErrorsTest {

    @TempDir
    Path dir;

    SmallData data;

    @BeforeEach
    void writeData() throws IOException {
        data = SmallData.write(dir);
    }

    private String[] train(String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--train", data.train().toString(), "--test",
                data.test().toString(), "--format", "pairs", "--epochs", "1", "--threads", "1"));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    private static void assertUsageError(CliRun r, String... fragments) {
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().getFirst();
        assertTrue(line.startsWith("error: "), line);
        assertTrue(line.endsWith("See 'lightgcn train --help'."), line);
        for (String f : fragments) assertTrue(line.contains(f), () -> line + " should contain " + f);
    }

    private static void assertRuntimeError(CliRun r, String... fragments) {
        assertEquals(1, r.exitCode(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().getFirst();
        assertTrue(line.startsWith("error: "), line);
        assertFalse(r.err().contains("Exception"), r::toString);
        for (String f : fragments) assertTrue(line.contains(f), () -> line + " should contain " + f);
    }

    @Test
    void unknownOptionSuggestsTheRightOne() {
        assertUsageError(CliRun.of(train("--epoch", "3")), "Unknown option", "'--epoch'", "--epochs");
    }

    @Test
    void unknownOptionIsNamedEvenWhenRequiredOptionsAreMissing() {
        assertUsageError(CliRun.of("train", "--nope"), "Unknown option: '--nope'");
    }

    @Test
    void missingRequiredOptions() {
        assertUsageError(CliRun.of("train", "--train", "x"), "Missing required option", "--test", "--format");
    }

    @Test
    void valuesThatDoNotParse() {
        assertUsageError(CliRun.of(train("--dim", "big")), "--dim", "'big' is not an int");
        assertUsageError(CliRun.of(train("--format", "tsv")), "--format", "unknown format 'tsv'");
        assertUsageError(CliRun.of(train("--sampler", "item")), "--sampler", "use user or edge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--epochs=0", "--lr=-1", "--l2=11", "--layers=17", "--dim=0", "--batch=0",
            "--eval-every=0", "--patience=-1", "--threads=0", "--index-base=2", "--num-users=0", "--num-items=-5"})
    void valuesOutOfRangeNameTheOption(String option) {
        String name = option.substring(0, option.indexOf('='));
        assertUsageError(CliRun.of(train(option)), "Invalid value for option '" + name + "'", "got ");
    }

    @Test
    void libraryRangeMessageIsPassedOn() {
        assertUsageError(CliRun.of(train("--lr", "0")), "learningRate must be in (0.0, 10.0], got 0.0");
    }

    @Test
    void universeOptionsDoNotApplyToCsv() {
        assertUsageError(CliRun.of("train", "--train", "a.csv", "--test", "b.csv", "--format", "csv",
                "--index-base", "1"), "apply to adj and pairs files");
    }

    @Test
    void missingFileIsARuntimeErrorNamingThePath() {
        Path missing = dir.resolve("nope/train.txt");
        CliRun r = CliRun.of("train", "--train", missing.toString(), "--test", data.test().toString(), "--format",
                "pairs");
        assertRuntimeError(r, "--train", missing.toString());
        assertEquals("", r.out());
    }

    @Test
    void malformedDataNamesFileLineAndField() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "0\t1\n1\t2\n2\tx\n");
        CliRun r = CliRun.of("train", "--train", bad.toString(), "--test", data.test().toString(), "--format",
                "pairs");
        assertRuntimeError(r, bad + ", line 3, field item (column 2): 'x' is not an integer id");
    }

    @Test
    void idBeyondTheExplicitUniverseIsARuntimeError() {
        CliRun r = CliRun.of(train("--num-users", "10", "--num-items", "120"));
        assertRuntimeError(r, data.train().toString(), "field user (column 1)", "the number of users is 10");
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "0\t-1\n");
        CliRun r = CliRun.of("train", "--train", bad.toString(), "--test", data.test().toString(), "--format",
                "pairs", "--debug");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.errLines().getFirst().startsWith("error: " + bad + ", line 1, field item (column 2)"), r::toString);
        assertTrue(r.err().contains("DataFormatException") && r.err().contains("\tat "), r::toString);
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(List.of("error: Missing required subcommand. See 'lightgcn --help'."), r.errLines());
    }

    @Test
    void helpOnEveryCommand() {
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.exitCode());
        assertTrue(top.out().startsWith("Usage: lightgcn "), top::toString);
        assertTrue(top.out().contains("train"), top::toString);
        CliRun train = CliRun.of("train", "--help");
        assertEquals(0, train.exitCode());
        assertTrue(train.out().startsWith("Usage: lightgcn train "), train::toString);
        assertTrue(train.out().contains("--epochs=N") && train.out().contains("Default: 1000"), train::toString);
        assertTrue(train.out().contains("--sampler=user|edge") && train.out().contains("Default: user"),
                train::toString);
        assertEquals("", train.err());
    }
}
