package io.github.lightgcn.examples.cli;

import io.github.lightgcn.LightGCNConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lightgcn tune} on a small split: outputs, the test evaluated once, resuming, and its errors. */
class TuneCommandTest {

    @TempDir
    Path dir;

    private List<String> args(SmallData data, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("tune", "--train", data.train().toString(), "--val",
                data.val().toString(), "--test", data.test().toString(), "--format", "pairs", "--budget-minutes", "5",
                "--trials", "4", "--eta", "2", "--min-epochs", "2", "--epochs", "8", "--eval-every", "1",
                "--patience", "2", "--batch", "64", "--threads", "1", "--space", space().toString(), "--out",
                out.toString()));
        a.addAll(Arrays.asList(extra));
        return a;
    }

    private Path space() {
        Path space = dir.resolve("space.txt");
        try {
            if (!Files.exists(space)) Files.writeString(space, "# two by two\nlearningRate = 0.01, 0.05\nlayers = 1, 2\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return space;
    }

    /** The space shipped for MAL-like data reads, and each of its values is one the configuration accepts. */
    @Test
    void theShippedImplicitSquaredSpaceReads() throws IOException {
        Path file = Path.of("spaces/implicit-squared.space");
        var space = io.github.lightgcn.tune.SearchSpace.parse(Files.readString(file), file.toString());
        assertEquals(162L, space.size());
        assertEquals(List.of("loss", "embeddingDim", "layers", "l2", "learningRate", "learningRateDecay", "batchSize",
                "sampling"), List.copyOf(space.values().keySet()));
    }

    @Test
    void writesTheTrialsTheBestOptionsAndTheTestMetricsWithTrainsKeys() throws IOException {
        SmallData data = SmallData.write(dir);
        Path out = dir.resolve("tune"), json = dir.resolve("metrics.json");
        CliRun r = CliRun.of(args(data, out, "--metrics-json", json.toString()).toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(4, r.outLines().stream().filter(l -> l.matches("trial +\\d+ rung 0 .*")).count(), r::toString);
        assertTrue(r.out().contains("search finished: best trial "), r::toString);
        String options = r.linesStartingWith("best options: ").get(0);
        assertTrue(options.matches("best options: --lr 0\\.0[15] --layers [12] --epochs 8 --patience 2 --eval-every 1 "
                + "--seed \\d+"), options);
        assertEquals(1, r.linesStartingWith("test (once, chosen configuration): ").size(), r::toString);
        for (String f : List.of("trials.json", "trials.md", "best-config.properties", "trials.journal")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        Properties best = new Properties();
        try (var in = Files.newBufferedReader(out.resolve("best-config.properties"))) {
            best.load(in);
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        best.forEach((k, v) -> values.put((String) k, (String) v));
        LightGCNConfig chosen = LightGCNConfig.fromMap(values);
        assertTrue(options.contains("--lr " + chosen.learningRate() + " --layers " + chosen.layers()), options);

        // the same keys as train --metrics-json, plus the tuning
        Path trainJson = dir.resolve("train.json");
        CliRun train = CliRun.of("train", "--train", data.train().toString(), "--val", data.val().toString(), "--test",
                data.test().toString(), "--format", "pairs", "--epochs", "2", "--batch", "64", "--threads", "1",
                "--metrics-json", trainJson.toString());
        assertEquals(0, train.exitCode(), train::toString);
        Set<String> tuned = new TreeSet<>(MiniJson.object(MiniJson.parse(Files.readString(json))).keySet());
        Set<String> trained = new TreeSet<>(MiniJson.object(MiniJson.parse(Files.readString(trainJson))).keySet());
        assertTrue(tuned.remove("tuning"), tuned.toString());
        assertEquals(trained, tuned);
    }

    @Test
    void theSameCommandResumesFromTheJournalAndGivesTheSameAnswer() throws IOException {
        SmallData data = SmallData.write(dir);
        Path out = dir.resolve("tune");
        CliRun first = CliRun.of(args(data, out).toArray(String[]::new));
        assertEquals(0, first.exitCode(), first::toString);
        CliRun again = CliRun.of(args(data, out).toArray(String[]::new));
        assertEquals(0, again.exitCode(), again::toString);
        List<String> trials = again.outLines().stream().filter(l -> l.matches("trial +\\d+ rung .*")).toList();
        assertEquals(7, trials.size(), again::toString); // 4 + 2 + 1
        assertTrue(trials.stream().allMatch(l -> l.endsWith("(from the journal)")), again::toString);
        assertEquals(first.linesStartingWith("best options: "), again.linesStartingWith("best options: "));
        assertEquals(first.linesStartingWith("test (once"), again.linesStartingWith("test (once"));
        // another search in the same folder is refused
        CliRun other = CliRun.of(args(data, out, "--trials", "3").toArray(String[]::new));
        assertEquals(1, other.exitCode(), other::toString);
        assertTrue(other.errLines().get(0).contains("journal of another search"), other::toString);
    }

    @Test
    void badSpacesAndOptionsAreOneLineNamingThem() throws IOException {
        SmallData data = SmallData.write(dir);
        Files.writeString(space(), "learningRate = 0.01\nlayers = 1, 99\n");
        CliRun r = CliRun.of(args(data, dir.resolve("tune")).toArray(String[]::new));
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.errLines().get(0).startsWith("error: " + space() + ", line 2: configuration value layers = '99' "
                + "is invalid"), r::toString);
        CliRun budget = CliRun.of(args(data, dir.resolve("tune"), "--budget-minutes", "0").toArray(String[]::new));
        assertEquals(2, budget.exitCode(), budget::toString);
        assertTrue(budget.errLines().get(0).contains("--budget-minutes"), budget::toString);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Files.writeString(space(), "learningRate = 0.01\n");
        CliRun outIsAFile = CliRun.of(args(data, file).toArray(String[]::new));
        assertEquals(1, outIsAFile.exitCode(), outIsAFile::toString);
        assertEquals(List.of("error: --out " + file + " is a file, not a folder"), outIsAFile.errLines());
        assertTrue(outIsAFile.outLines().stream().noneMatch(l -> l.startsWith("trial")), outIsAFile::toString);
        CliRun resume = CliRun.of(args(data, dir.resolve("tune"), "--resume", "x.ckpt").toArray(String[]::new));
        assertEquals(2, resume.exitCode(), resume::toString);
        assertTrue(resume.errLines().get(0).contains("--resume does not apply to tune"), resume::toString);
    }
}
