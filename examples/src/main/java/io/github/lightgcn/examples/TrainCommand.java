package io.github.lightgcn.examples;

import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.concurrent.Workers;
import io.github.lightgcn.eval.EmbeddingScorer;
import io.github.lightgcn.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.PopularityScorer;
import io.github.lightgcn.eval.Scorer;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import io.github.lightgcn.train.Sampling;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lightgcn train}: reads a train / [val] / test split, prints the popularity baseline, trains LightGCN with
 * a line per epoch and per evaluation, and reports test metrics.
 *
 * <p>Which test numbers are reported:
 * <ul>
 *   <li>no {@code --val}: the test graph is evaluated every {@code --eval-every} epochs (patience forced to 0) and
 *       the LAST evaluation is reported: the LightGCN authors' protocol; never silently the best;</li>
 *   <li>{@code --val} and {@code --patience > 0}: early stopping on val, the best val epoch's embeddings restored,
 *       and the test metrics of that model reported;</li>
 *   <li>{@code --val} and {@code --patience 0}: val is only logged; test metrics of the last epoch.</li>
 * </ul>
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = ConfigDefaults.class,
        description = {
                "Train LightGCN on a train file and report full-ranking metrics @20 on a test file.",
                "Without --val, test is evaluated every --eval-every epochs and the LAST evaluation is reported "
                        + "(the authors' protocol; --patience is ignored). With --val and --patience > 0, training "
                        + "stops early on val, the best val epoch is restored and its test metrics are reported. "
                        + "With --val and --patience 0, test is reported at the last epoch."},
        footer = {"", "Example (LastFM, the LightGCN reference split):",
                "  lightgcn train --train data1.txt --test test1.txt --format pairs \\",
                "      --index-base 1 --num-users 1892 --num-items 4489 --epochs 1000"})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    // ------------------------------------------------------------------------------------------------- data
    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training interactions.")
    Path train;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "Test interactions.")
    Path test;

    @Option(names = "--val", paramLabel = "FILE", description = "Validation interactions (for early stopping).")
    Path val;

    @Option(names = "--format", required = true, paramLabel = "adj|pairs|csv", converter = FormatConverter.class,
            description = {"adj: 'user item item ...' per line (the paper's train.txt);",
                    "pairs: 'user<sep>item[<sep>extra]' per line, tab, comma or space separated, optional header;",
                    "csv: header user_id,anime_id with original ids (mapped by sorted order over all files)."})
    DataFormat format;

    @Option(names = "--index-base", paramLabel = "0|1", defaultValue = "0",
            description = "First id in adj/pairs files (1 = subtract 1 from every id). Default: ${DEFAULT-VALUE}.")
    int indexBase;

    @Option(names = "--num-users", paramLabel = "N",
            description = "Number of users (adj/pairs); default: largest id + 1 over all files.")
    Integer numUsers;

    @Option(names = "--num-items", paramLabel = "M",
            description = "Number of items (adj/pairs); default: largest id + 1 over all files.")
    Integer numItems;

    // ------------------------------------------------------------------------------------------------ model
    @Option(names = "--layers", paramLabel = "K", description = "Propagation layers. Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--dim", paramLabel = "D", description = "Embedding dimension. Default: ${DEFAULT-VALUE}.")
    int dim;

    @Option(names = "--batch", paramLabel = "B", description = "Triples per batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--l2", paramLabel = "LAMBDA",
            description = "L2 weight on the batch's ego embeddings. Default: ${DEFAULT-VALUE}.")
    double l2;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--eval-every", paramLabel = "N",
            description = "Evaluate every N epochs (and after the last). Default: ${DEFAULT-VALUE}.")
    int evalEvery;

    @Option(names = "--patience", paramLabel = "P",
            description = "Stop after P evaluations on --val without NDCG@20 improvement; 0 = never. "
                    + "Default: ${DEFAULT-VALUE}.")
    int patience;

    @Option(names = "--sampler", paramLabel = "user|edge", converter = SamplerConverter.class,
            description = "user: the authors' user-uniform sampler; edge: every edge once per epoch. "
                    + "Default: ${DEFAULT-VALUE}.")
    Sampling sampler;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (results do not depend on it). Default: ${DEFAULT-VALUE} (cores).")
    int threads;

    // --------------------------------------------------------------------------------------------- outputs
    @Option(names = "--model-out", paramLabel = "FILE", description = "Save the trained model here.")
    Path modelOut;

    @Option(names = "--metrics-json", paramLabel = "FILE",
            description = "Write the final test metrics, timing and configuration as JSON.")
    Path metricsJson;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        LightGCNConfig config = buildConfig();
        ReadOptions readOptions = readOptions();
        requireFile("--train", train);
        if (val != null) requireFile("--val", val);
        requireFile("--test", test);
        PrintWriter out = spec.commandLine().getOut();

        InteractionSplit data = SplitReader.read(readOptions, train, val, test);
        print(out, "data: " + data.summary());
        if (data.train().numEdges() == 0) throw new CliFailure(train + ": the training file has no interaction");

        boolean validating = val != null;
        if (!validating && config.patience() > 0) {
            print(out, "note: --patience " + config.patience() + " ignored without --val: test is evaluated every "
                    + config.evalEvery() + " epochs and the last evaluation is reported");
            config = config.toBuilder().patience(0).build();
        }
        print(out, "config: " + describe(config));

        Metrics popularity;
        long popStart = System.nanoTime();
        try (Workers workers = new Workers(config.threads())) {
            popularity = evaluate(new PopularityScorer(data.train()), data.train(), data.test(), config, workers);
        }
        print(out, String.format(Locale.ROOT, "popularity on test: %s  (%d users, %.3f s)", popularity.format(),
                popularity.numUsers(), seconds(popStart)));

        String monitorLabel = config.monitorMetric().label() + "@" + config.monitorK();
        TrainingLog log = new TrainingLog(out, validating ? "val" : "test", monitorLabel);
        InteractionGraph monitor = validating ? data.validation().orElseThrow() : data.test();
        LightGCNModel model;
        try {
            model = new LightGCN(config).addListener(log).fit(data.train(), monitor);
        } catch (OutOfMemoryError e) {
            throw new CliFailure("out of memory while training; give the JVM more heap (e.g. JAVA_OPTS=-Xmx8g)", e);
        }
        TrainingSummary summary = model.trainingSummary();

        Metrics testMetrics;
        String reported;
        if (!validating) { // the authors' protocol: the last evaluation on test, which ran at the last epoch
            testMetrics = summary.lastEvaluation();
            reported = "last evaluation, epoch " + summary.epochsRun();
        } else {
            try (Workers workers = new Workers(config.threads())) {
                testMetrics = evaluate(new EmbeddingScorer(model.userEmbeddings(), model.itemEmbeddings(),
                        model.dim()), model.trainGraph(), data.test(), config, workers);
            }
            reported = (config.patience() > 0 ? "best val epoch " : "last epoch ") + summary.modelEpoch()
                    + (summary.stoppedEarly() ? ", stopped early at epoch " + summary.epochsRun() : "");
        }
        print(out, "test (" + reported + "): " + testMetrics.format());
        print(out, String.format(Locale.ROOT, "trained %d epochs in %.1f s (median epoch %.3f s)",
                summary.epochsRun(), summary.trainSeconds(), summary.medianEpochSeconds()));

        if (modelOut != null) {
            model.save(modelOut);
            print(out, "model saved to " + modelOut);
        }
        if (metricsJson != null) {
            Json json = MetricsReport.of(testMetrics, validating, summary, log.lastEvaluation(), monitorLabel,
                    popularity, data, config, seconds(started));
            Path parent = metricsJson.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(metricsJson, json.render());
            print(out, "metrics written to " + metricsJson);
        }
        return 0;
    }

    private static Metrics evaluate(Scorer scorer, InteractionGraph mask, InteractionGraph relevant,
                                    LightGCNConfig config, Workers workers) {
        return new Evaluator(config.topK(), config.evalBlockSize(), workers).evaluate(scorer, mask, relevant);
    }

    /** The configuration from the options; a value out of range is a usage error naming the option. */
    private LightGCNConfig buildConfig() {
        LightGCNConfig.Builder b = LightGCNConfig.builder();
        option("--layers", () -> b.layers(layers));
        option("--dim", () -> b.embeddingDim(dim));
        option("--batch", () -> b.batchSize(batch));
        option("--lr", () -> b.learningRate(lr));
        option("--l2", () -> b.l2(l2));
        option("--epochs", () -> b.epochs(epochs));
        option("--eval-every", () -> b.evalEvery(evalEvery));
        option("--patience", () -> b.patience(patience));
        option("--sampler", () -> b.sampling(sampler));
        option("--seed", () -> b.seed(seed));
        option("--threads", () -> b.threads(threads));
        return b.build();
    }

    private void option(String name, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            throw usage("Invalid value for option '" + name + "': " + e.getMessage());
        }
    }

    private ReadOptions readOptions() {
        if (indexBase != 0 && indexBase != 1) {
            throw usage("Invalid value for option '--index-base': must be 0 or 1, got " + indexBase);
        }
        if (numUsers != null && numUsers < 1) {
            throw usage("Invalid value for option '--num-users': must be >= 1, got " + numUsers);
        }
        if (numItems != null && numItems < 1) {
            throw usage("Invalid value for option '--num-items': must be >= 1, got " + numItems);
        }
        if (format == DataFormat.CSV && (indexBase != 0 || numUsers != null || numItems != null)) {
            throw usage("--index-base, --num-users and --num-items apply to adj and pairs files; csv ids are "
                    + "original ids, mapped to 0..n-1 over all files");
        }
        return new ReadOptions(format, indexBase, numUsers == null ? 0 : numUsers, numItems == null ? 0 : numItems);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static void requireFile(String option, Path file) {
        if (Files.isDirectory(file)) throw new CliFailure(option + " " + file + " is a directory, not a file");
        if (!Files.exists(file)) throw new CliFailure(option + " file not found: " + file);
        if (!Files.isReadable(file)) throw new CliFailure(option + " file is not readable: " + file);
    }

    private static String describe(LightGCNConfig c) {
        return String.format(Locale.ROOT, "layers %d, dim %d, batch %d, lr %s, l2 %s, epochs %d, eval every %d, "
                        + "patience %d, monitor %s@%d, sampler %s, seed %d, threads %d", c.layers(), c.embeddingDim(),
                c.batchSize(), c.learningRate(), c.l2(), c.epochs(), c.evalEvery(), c.patience(),
                c.monitorMetric().label(), c.monitorK(), SamplerConverter.label(c.sampling()), c.seed(), c.threads());
    }

    private static void print(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    private static double seconds(long startNanos) { return (System.nanoTime() - startNanos) / 1e9; }

    /** {@code adj}, {@code pairs} or {@code csv}. */
    static final class FormatConverter implements ITypeConverter<DataFormat>, Iterable<String> {
        @Override
        public DataFormat convert(String value) {
            try {
                return DataFormat.fromLabel(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public Iterator<String> iterator() { return List.of("adj", "pairs", "csv").iterator(); }
    }

    /** {@code user} (the authors' user-uniform sampler) or {@code edge} (every edge once per epoch). */
    static final class SamplerConverter implements ITypeConverter<Sampling> {
        @Override
        public Sampling convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "user", "user_uniform" -> Sampling.USER_UNIFORM;
                case "edge", "edge_uniform" -> Sampling.EDGE_UNIFORM;
                default -> throw new TypeConversionException("unknown sampler '" + value + "': use user or edge");
            };
        }

        static String label(Sampling s) { return s == Sampling.EDGE_UNIFORM ? "edge" : "user"; }
    }
}
