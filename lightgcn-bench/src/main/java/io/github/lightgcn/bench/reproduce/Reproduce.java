package io.github.lightgcn.bench.reproduce;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.StopReason;
import io.github.lightgcn.TrainingListener;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import io.github.lightgcn.Sampling;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reproduces the LightGCN paper's all-ranking protocol on a real split: trains with the paper's settings for each
 * requested K, evaluates on the test file every {@code --eval-every} epochs, and stops after {@code --epochs} or
 * when {@code --patience} evaluations pass without recall@20 improvement (the authors' rule). Runs checkpoint
 * every evaluation into the output folder and resume from there when started again, so an interrupted run
 * continues where it stopped. Per run it writes {@code NAME.curve.csv} (one row per evaluation) and, when done,
 * {@code NAME.properties} (the summary); {@link ResultsTable} turns those into Markdown and JSON.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp … io.github.lightgcn.bench.reproduce.Reproduce \
 *     --dataset gowalla --layers 3 --epochs 1000 --eval-every 20 --patience 5 --sampler user --out results/gowalla
 * </pre>
 */
public final class Reproduce {

    private Reproduce() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Path shared = Path.of(o.get("shared", "../shared"));
        Path out = Path.of(o.get("out", "results"));
        Files.createDirectories(out);
        Dataset dataset = Dataset.of(o.get("dataset", "gowalla"));
        InteractionSplit split = dataset.read(shared);
        System.out.println("data: " + split.summary());
        for (String k : o.get("layers", "3").split(",")) {
            runOne(o, dataset, split, Integer.parseInt(k.trim()), out);
        }
        ResultsTable.write(out);
    }

    static void runOne(Options o, Dataset dataset, InteractionSplit split, int layers, Path out) throws IOException {
        Sampling sampling = "edge".equals(o.get("sampler", "user")) ? Sampling.EDGE_UNIFORM : Sampling.USER_UNIFORM;
        long seed = Long.parseLong(o.get("seed", "2020"));
        int epochs = Integer.parseInt(o.get("epochs", "1000"));
        int evalEvery = Integer.parseInt(o.get("eval-every", "20"));
        int patience = Integer.parseInt(o.get("patience", "5"));
        String name = dataset.name + "-K" + layers + "-" + (sampling == Sampling.USER_UNIFORM ? "user" : "edge")
                + "-s" + seed + (o.has("tag") ? "-" + o.get("tag", "") : "");
        Path summaryFile = out.resolve(name + ".properties");
        if (Files.exists(summaryFile)) {
            System.out.println(name + ": already done (" + summaryFile + "); delete it to run again");
            return;
        }
        LightGCNConfig config = LightGCNConfig.builder().layers(layers).embeddingDim(64).batchSize(2048)
                .learningRate(1e-3).l2(1e-4).sampling(sampling).seed(seed).epochs(epochs).evalEvery(evalEvery)
                .patience(patience).monitor(Metric.RECALL, 20).topK(20)
                .build();
        int threads = Integer.parseInt(o.get("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        Path checkpoint = out.resolve(name + ".ckpt");
        Path curve = out.resolve(name + ".curve.csv");
        LightGCN trainer = new LightGCN(config);
        FitOptions.Builder options = FitOptions.builder().threads(threads)
                .maxTrainingSeconds(Double.parseDouble(o.get("max-seconds", "0"))).checkpointEvery(evalEvery, checkpoint);
        Path wallFile = out.resolve(name + ".wall");
        double previousWall = 0;
        if (Files.exists(checkpoint)) {
            var cp = io.github.lightgcn.CheckpointPosition.read(checkpoint); // the fit reads and verifies it all
            int done = cp.completedEpochs();
            previousWall = Curve.truncateAfter(curve, done);
            // stopped between evaluations: the wall time of the work kept since the last one was saved at the stop
            previousWall = Wall.read(wallFile, done, cp.nextBatch()).orElse(previousWall);
            options.resumeFrom(checkpoint);
            System.out.println(name + ": resuming from " + checkpoint + " after epoch " + done);
        } else {
            Curve.start(curve);
        }
        // Ctrl-C or kill: finish the batch, checkpoint, then exit. The hook holds the JVM open until the fit has
        // returned (its checkpoint written), or two minutes have passed.
        CountDownLatch fitDone = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println(name + ": stop requested; finishing the current batch and writing the checkpoint ...");
            trainer.requestStop();
            try {
                fitDone.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reproduce-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long wallStart = System.nanoTime();
        final double wallOffset = previousWall;
        options.listener(new TrainingListener() {
            @Override
            public void onEpoch(EpochStats s) {
                System.out.printf(Locale.ROOT, "%s epoch %d loss %.5f bpr %.5f reg %.5f %.2fs%n", name, s.epoch(),
                        s.loss(), s.bprLoss(), s.regLoss(), s.seconds());
            }

            @Override
            public void onEvaluation(EvaluationStats s) {
                double wall = wallOffset + (System.nanoTime() - wallStart) / 1e9;
                Metrics m = s.metrics();
                System.out.printf(Locale.ROOT, "%s EVAL epoch %d recall@20 %.5f ndcg@20 %.5f precision@20 %.5f "
                                + "(best recall %.5f at %d) eval %.2fs wall %.0fs%n", name, s.epoch(), m.recall(20),
                        m.ndcg(20), m.precision(20), s.bestValue(), s.bestEpoch(), s.seconds(), wall);
                Curve.append(curve, s.epoch(), m, wall);
            }
        });
        LightGCNModel model;
        try {
            model = trainer.fit(split.train(), split.test(), options.build());
        } catch (RuntimeException | Error e) {
            fitDone.countDown();
            throw e;
        }
        TrainingSummary s = model.trainingSummary();
        if (s.stopReason() == StopReason.INTERRUPTED || s.stopReason() == StopReason.TIME_BOUND) {
            var cp = io.github.lightgcn.CheckpointPosition.read(checkpoint);
            Wall.write(wallFile, cp.completedEpochs(), cp.nextBatch(), previousWall + (System.nanoTime() - wallStart) / 1e9);
            System.out.println(name + ": stopped after " + s.epochsRun() + " complete epochs"
                    + (s.stopReason() == StopReason.INTERRUPTED ? " (and the batches of the next one done so far)" : "")
                    + "; run again to resume from " + checkpoint);
            System.out.flush();
            fitDone.countDown();
            if (s.stopReason() == StopReason.INTERRUPTED) awaitExit();
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running; it returns now that the fit is done
        }
        fitDone.countDown();
        double wall = previousWall + (System.nanoTime() - wallStart) / 1e9;
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("dataset", dataset.name);
        p.setProperty("layers", Integer.toString(layers));
        p.setProperty("sampler", sampling.name());
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("epochs", Integer.toString(s.epochsRun()));
        p.setProperty("eval_every", Integer.toString(evalEvery));
        p.setProperty("best_epoch", Integer.toString(s.bestEpoch()));
        p.setProperty("best_recall@20", fmt(s.bestEvaluation().recall(20)));
        p.setProperty("best_ndcg@20", fmt(s.bestEvaluation().ndcg(20)));
        p.setProperty("best_precision@20", fmt(s.bestEvaluation().precision(20)));
        p.setProperty("last_recall@20", fmt(s.lastEvaluation().recall(20)));
        p.setProperty("last_ndcg@20", fmt(s.lastEvaluation().ndcg(20)));
        p.setProperty("stopped_early", Boolean.toString(s.stopReason() == StopReason.EARLY_STOPPED));
        p.setProperty("wall_seconds", fmt(wall));
        p.setProperty("train_seconds", fmt(s.trainSeconds()));
        p.setProperty("median_epoch_seconds", fmt(s.medianEpochSeconds()));
        p.setProperty("peak_heap_mib", Long.toString(peakHeapBytes() >> 20));
        p.setProperty("threads", Integer.toString(threads));
        try (Writer w = Files.newBufferedWriter(summaryFile)) {
            p.store(w, "lightgcn-java reproduction run " + name);
        }
        Files.deleteIfExists(checkpoint);
        Files.deleteIfExists(wallFile);
        System.out.println(name + ": done, " + summaryFile);
    }

    /** After a stop request: the JVM is shutting down; do not start the next run meanwhile. */
    private static void awaitExit() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.5f", v); }

    /** Sum of the peak usage of every heap memory pool (an upper bound of the peak heap in use). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** The data sets of the paper and of the PyTorch reference, read from the shared folder. */
    record Dataset(String name, String train, String test, ReadOptions options) {
        static Dataset of(String name) {
            return switch (name) {
                case "gowalla" -> new Dataset(name, "data/gowalla/train.txt", "data/gowalla/test.txt",
                        ReadOptions.of(DataFormat.ADJ));
                case "lastfm" -> new Dataset(name, "data/lastfm-lgcn/data1.txt", "data/lastfm-lgcn/test1.txt",
                        ReadOptions.of(DataFormat.PAIRS).withIndexBase(1).withUniverse(1892, 4489));
                default -> throw new IllegalArgumentException("unknown dataset '" + name + "': use gowalla or lastfm");
            };
        }

        InteractionSplit read(Path shared) throws IOException {
            return SplitReader.read(options, shared.resolve(train), null, shared.resolve(test));
        }
    }

    /** The evaluation curve of a run as CSV: epoch, recall@20, ndcg@20, precision@20, wall seconds. */
    static final class Curve {
        static final String HEADER = "epoch,recall@20,ndcg@20,precision@20,wall_seconds\n";

        static void start(Path file) throws IOException { Files.writeString(file, HEADER); }

        static void append(Path file, int epoch, Metrics m, double wall) {
            try {
                Files.writeString(file, String.format(Locale.ROOT, "%d,%.5f,%.5f,%.5f,%.1f%n", epoch, m.recall(20),
                        m.ndcg(20), m.precision(20), wall), StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** One evaluation of a run. */
        record Row(int epoch, double recall, double ndcg, double precision, double wallSeconds) {}

        /** The rows of a curve file, in file order. */
        static List<Row> read(Path file) throws IOException {
            List<Row> rows = new ArrayList<>();
            int line = 0;
            for (String text : Files.readAllLines(file)) {
                line++;
                if (text.isBlank() || text.startsWith("epoch")) continue;
                String[] f = text.split(",");
                try {
                    rows.add(new Row(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4])));
                } catch (RuntimeException e) {
                    throw new IOException(file + " line " + line + ": expected epoch,recall,ndcg,precision,wall but got '"
                            + text + "'");
                }
            }
            return rows;
        }

        /** Drops rows after {@code epoch} (they will be evaluated again) and returns the wall time reached. */
        static double truncateAfter(Path file, int epoch) throws IOException {
            if (!Files.exists(file)) {
                start(file);
                return 0;
            }
            List<String> kept = new ArrayList<>();
            double wall = 0;
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("epoch")) continue;
                String[] f = line.split(",");
                if (Integer.parseInt(f[0]) <= epoch) {
                    kept.add(line);
                    wall = Double.parseDouble(f[4]);
                }
            }
            Files.writeString(file, HEADER + String.join("\n", kept) + (kept.isEmpty() ? "" : "\n"));
            return wall;
        }
    }

    /**
     * The wall time of a run stopped between evaluations, keyed by the checkpoint's position (epochs done, next
     * batch): {@code NAME.wall} holds "epochs batch seconds". A checkpoint written later (at an evaluation) has
     * another position, so a stale file is ignored and the curve's last wall time is used.
     */
    static final class Wall {
        static void write(Path file, int epochs, int batch, double seconds) throws IOException {
            Files.writeString(file, String.format(Locale.ROOT, "%d %d %.1f%n", epochs, batch, seconds));
        }

        static java.util.OptionalDouble read(Path file, int epochs, int batch) throws IOException {
            if (!Files.exists(file)) return java.util.OptionalDouble.empty();
            String[] f = Files.readString(file).trim().split(" ");
            try {
                if (f.length == 3 && Integer.parseInt(f[0]) == epochs && Integer.parseInt(f[1]) == batch) {
                    return java.util.OptionalDouble.of(Double.parseDouble(f[2]));
                }
            } catch (NumberFormatException e) {
                throw new IOException(file + ": expected 'epochs batch seconds' but got '" + String.join(" ", f) + "'");
            }
            return java.util.OptionalDouble.empty();
        }
    }

    /** {@code --key value} pairs. */
    record Options(java.util.Map<String, String> values) {
        static Options parse(String[] args) {
            java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
            for (int a = 0; a < args.length; a++) {
                if (!args[a].startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + args[a]);
                String key = args[a].substring(2);
                String value = a + 1 < args.length && !args[a + 1].startsWith("--") ? args[++a] : "true";
                map.put(key, value);
            }
            return new Options(map);
        }

        String get(String key, String fallback) { return values.getOrDefault(key, fallback); }

        boolean has(String key) { return values.containsKey(key); }
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
