package io.github.lightgcn.examples.cli;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end runs of {@code lightgcn train} on a small generated split (a few epochs each). */
class TrainCommandTest {

    private static final Pattern EPOCH_LINE = Pattern.compile(
            "epoch +(\\d+)/(\\d+)  loss \\d+\\.\\d{6}  bpr \\d+\\.\\d{6}  reg \\d+\\.\\d{6}  \\d+\\.\\d{3} s");
    private static final Pattern EVAL_LINE = Pattern.compile(
            "eval  epoch (\\d+) on (val|test): recall@20=(\\S+) precision@20=(\\S+) ndcg@20=(\\S+) hit_rate@20=(\\S+)"
                    + "  \\d+\\.\\d{3} s  best ndcg@20 \\S+ at epoch (\\d+)( \\*)?");

    @TempDir
    Path dir;

    SmallData data;

    @BeforeEach
    void writeData() throws IOException {
        data = SmallData.write(dir);
    }

    private List<String> args(boolean withVal, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--train", data.train().toString(), "--test",
                data.test().toString(), "--format", "pairs", "--num-users", "60", "--num-items", "120",
                "--batch", "64", "--threads", "1", "--lr", "0.01"));
        if (withVal) a.addAll(List.of("--val", data.val().toString()));
        a.addAll(Arrays.asList(extra));
        return a;
    }

    private CliRun run(List<String> args) {
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    private Map<String, Object> json(Path file) throws IOException {
        return MiniJson.object(MiniJson.parse(Files.readString(file)));
    }

    private InteractionSplit split() throws IOException {
        return SplitReader.read(ReadOptions.of(DataFormat.PAIRS).withUniverse(60, 120), data.train(), data.val(),
                data.test());
    }

    private static void assertSameMetrics(Metrics expected, Map<String, Object> json) {
        expected.asMap().forEach((k, v) -> assertEquals(v, (Double) json.get(k), 1e-12, k));
    }

    private static List<Matcher> evalLines(CliRun r) {
        return r.linesStartingWith("eval").stream().map(EVAL_LINE::matcher).peek(m -> assertTrue(m.matches(),
                () -> "eval line format: " + m)).toList();
    }

    @Test
    void tinyRunLogsEveryEpochAndWritesJsonAndALoadableModel() throws IOException {
        Path json = dir.resolve("out/metrics.json"), model = dir.resolve("out/model.lgcn");
        CliRun r = run(args(false, "--epochs", "4", "--eval-every", "2", "--metrics-json", json.toString(),
                "--model-out", model.toString()));

        assertTrue(r.outLines().getFirst().startsWith("data: 60 users x 120 items; edges train "), r::toString);
        assertEquals(1, r.linesStartingWith("popularity on test: recall@20=").size(), r::toString);
        List<String> epochs = r.linesStartingWith("epoch");
        assertEquals(4, epochs.size(), r::toString);
        for (int e = 0; e < 4; e++) {
            Matcher m = EPOCH_LINE.matcher(epochs.get(e));
            assertTrue(m.matches(), epochs.get(e));
            assertEquals(e + 1, Integer.parseInt(m.group(1)));
        }
        List<Matcher> evals = evalLines(r);
        assertEquals(List.of("2", "4"), evals.stream().map(m -> m.group(1)).toList());
        assertTrue(evals.stream().allMatch(m -> m.group(2).equals("test")));
        assertEquals(1, r.linesStartingWith("test (last evaluation, epoch 4): recall@20=").size(), r::toString);

        Map<String, Object> metrics = json(json);
        for (String k : List.of("recall@20", "precision@20", "ndcg@20", "hit_rate@20")) {
            double v = (Double) metrics.get(k);
            assertTrue(v >= 0 && v <= 1, k + " = " + v);
            assertTrue(MiniJson.object(metrics.get("popularity")).get(k) instanceof Double, k);
        }
        assertEquals(4.0, metrics.get("epochs"));
        assertEquals(4.0, metrics.get("model_epoch"));
        assertTrue((Double) metrics.get("train_seconds") > 0);
        assertTrue((Double) metrics.get("median_epoch_seconds") > 0);
        Map<String, Object> config = MiniJson.object(metrics.get("config"));
        assertEquals(64.0, config.get("batchSize"));
        assertEquals(0.01, config.get("learningRate"));
        assertEquals(3.0, config.get("layers"));
        assertEquals(2020.0, config.get("seed"));
        // the fit options follow the configuration's values, under the keys and in the order of before
        assertEquals(List.of("embeddingDim", "layers", "learningRate", "l2", "batchSize", "epochs", "evalEvery",
                "patience", "minDelta", "monitor", "topK", "sampling", "initialization", "initStd", "seed", "loss",
                "learningRateDecay", "threads", "evalBlockSize", "maxTrainingSeconds"), List.copyOf(config.keySet()));
        assertEquals("bpr(negatives=1)", config.get("loss"));
        assertEquals(1.0, config.get("threads"));
        assertEquals(256.0, config.get("evalBlockSize"));
        assertEquals(0.0, config.get("maxTrainingSeconds"));

        LightGCNModel loaded = LightGCNModel.load(model);
        assertEquals(60, loaded.numUsers());
        assertEquals(120, loaded.numItems());
        assertEquals(64, loaded.dim());
        // the reported numbers are those of the saved model (the last epoch)
        assertSameMetrics(loaded.evaluate(split().test(), 20), metrics);
    }

    @Test
    void withoutValTestIsMonitoredPatienceIgnoredAndTheLastEvaluationReported() throws IOException {
        Path json = dir.resolve("m.json");
        CliRun r = run(args(false, "--epochs", "8", "--eval-every", "1", "--patience", "1", "--lr", "0.05",
                "--metrics-json", json.toString()));
        assertEquals(1, r.linesStartingWith("note: --patience 1 ignored without --val").size(), r::toString);
        assertTrue(r.out().contains("patience 0,"), r::toString);
        assertEquals(8, r.linesStartingWith("epoch").size(), r::toString); // no early stop
        List<Matcher> evals = evalLines(r);
        assertEquals(8, evals.size());
        Matcher last = evals.getLast();
        assertEquals("8", last.group(1));
        assertEquals("test", last.group(2));

        Map<String, Object> m = json(json);
        assertEquals("last evaluation on test", m.get("protocol"));
        assertEquals(8.0, m.get("model_epoch"));
        assertEquals(false, m.get("stopped_early"));
        assertEquals(Integer.parseInt(last.group(7)), ((Double) m.get("best_epoch")).intValue());
        // the reported numbers are the last evaluation's, not the best one's
        assertEquals(Double.parseDouble(last.group(3)), (Double) m.get("recall@20"), 5e-6);
        assertEquals(Double.parseDouble(last.group(5)), (Double) m.get("ndcg@20"), 5e-6);
        double bestLogged = evals.stream().mapToDouble(x -> Double.parseDouble(x.group(5))).max().orElseThrow();
        double best = (Double) MiniJson.object(m.get("monitor")).get("best");
        assertEquals(bestLogged, best, 5e-6);
        // on this seed the best test epoch is an early one: reporting it would be a (silent) selection on test
        assertTrue((Double) m.get("best_epoch") < 8, r::toString);
        assertTrue((Double) m.get("ndcg@20") < best, r::toString);
    }

    @Test
    void withValAndPatienceTrainingStopsEarlyAndTheBestValEpochIsTested() throws IOException {
        Path json = dir.resolve("m.json"), model = dir.resolve("model.lgcn");
        CliRun r = run(args(true, "--epochs", "60", "--eval-every", "1", "--patience", "2", "--lr", "0.05",
                "--metrics-json", json.toString(), "--model-out", model.toString()));
        List<Matcher> evals = evalLines(r);
        assertTrue(evals.stream().allMatch(x -> x.group(2).equals("val")), r::toString);

        Map<String, Object> m = json(json);
        int epochs = ((Double) m.get("epochs")).intValue();
        int modelEpoch = ((Double) m.get("model_epoch")).intValue();
        assertEquals(true, m.get("stopped_early"), r::toString);
        assertTrue(epochs < 60, r::toString);
        assertEquals(epochs, r.linesStartingWith("epoch").size());
        assertEquals(epochs - 2, modelEpoch, "patience 2: two evaluations without improvement after the best");
        assertEquals(modelEpoch, ((Double) m.get("best_epoch")).intValue());
        assertEquals("val", MiniJson.object(m.get("monitor")).get("graph"));
        assertEquals("best val epoch restored, then test", m.get("protocol"));
        assertEquals(1, r.linesStartingWith("test (best val epoch " + modelEpoch + ", stopped early at epoch "
                + epochs + "): ").size(), r::toString);

        // the reported test numbers are those of the restored (best) model, which is also what was saved
        LightGCNModel loaded = LightGCNModel.load(model);
        assertSameMetrics(loaded.evaluate(split().test(), 20), m);
        assertEquals(modelEpoch, loaded.provenance().modelEpoch());
    }

    @Test
    void earlyStoppingRestoresTheBestValEpochsEmbeddings() throws IOException {
        // the monitoring graph does not change training, so a run without val logs the test metrics of every
        // epoch; the early-stopped run must report exactly those of its best val epoch
        CliRun everyEpoch = run(args(false, "--epochs", "8", "--eval-every", "1", "--lr", "0.05"));
        Path json = dir.resolve("m.json");
        run(args(true, "--epochs", "60", "--eval-every", "1", "--patience", "2", "--lr", "0.05", "--metrics-json",
                json.toString()));
        Map<String, Object> m = json(json);
        int modelEpoch = ((Double) m.get("model_epoch")).intValue();
        assertTrue(modelEpoch < ((Double) m.get("epochs")).intValue());
        Matcher atBest = evalLines(everyEpoch).get(modelEpoch - 1);
        assertEquals(Integer.toString(modelEpoch), atBest.group(1));
        assertEquals(Double.parseDouble(atBest.group(3)), (Double) m.get("recall@20"), 5e-6);
        assertEquals(Double.parseDouble(atBest.group(5)), (Double) m.get("ndcg@20"), 5e-6);
    }

    @Test
    void withValAndNoPatienceTheLastEpochIsTested() throws IOException {
        Path json = dir.resolve("m.json"), model = dir.resolve("model.lgcn");
        CliRun r = run(args(true, "--epochs", "5", "--eval-every", "2", "--metrics-json", json.toString(),
                "--model-out", model.toString()));
        List<Matcher> evals = evalLines(r);
        assertEquals(List.of("2", "4", "5"), evals.stream().map(x -> x.group(1)).toList()); // and after the last
        assertTrue(evals.stream().allMatch(x -> x.group(2).equals("val")));
        Map<String, Object> m = json(json);
        assertEquals(5.0, m.get("epochs"));
        assertEquals(5.0, m.get("model_epoch"));
        assertEquals("last epoch, then test", m.get("protocol"));
        assertEquals(1, r.linesStartingWith("test (last epoch 5): ").size(), r::toString);
        assertSameMetrics(LightGCNModel.load(model).evaluate(split().test(), 20), m);
    }

    @Test
    void csvFilesAreMappedAndTrained() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), csv(0, 4));
        Path test = Files.writeString(dir.resolve("test.csv"), csv(4, 5));
        CliRun r = run(List.of("train", "--train", train.toString(), "--test", test.toString(), "--format", "csv",
                "--epochs", "2", "--threads", "1"));
        assertTrue(r.outLines().getFirst().startsWith("data: 30 users x 20 items;"), r::toString);
        assertEquals(2, r.linesStartingWith("epoch").size());
    }

    /** Original ids 1000 + u and 500 + 7 i, rows n in [from, to) of each user's 5. */
    private static String csv(int from, int to) {
        StringBuilder sb = new StringBuilder("user_id,anime_id\r\n");
        for (int u = 0; u < 30; u++) {
            for (int n = from; n < to; n++) sb.append(1000 + u).append(',').append(500 + 7 * ((u + 3 * n) % 20)).append("\r\n");
        }
        return sb.toString();
    }
}
