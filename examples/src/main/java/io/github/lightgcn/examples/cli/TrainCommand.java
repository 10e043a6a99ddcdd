package io.github.lightgcn.examples.cli;

import io.github.lightgcn.examples.training.Defaults;
import io.github.lightgcn.examples.training.Recipe;
import io.github.lightgcn.examples.training.KeyedSplit;
import io.github.lightgcn.examples.training.MalTraining;
import io.github.lightgcn.examples.training.MetricsReport;
import io.github.lightgcn.examples.training.Progress;
import io.github.lightgcn.examples.training.SplitKind;
import io.github.lightgcn.examples.training.SplitModelIds;
import io.github.lightgcn.examples.training.TrainingOptions;
import io.github.lightgcn.examples.training.TrainingPipeline;
import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import io.github.lightgcn.io.mal.RatingOptions;
import io.github.lightgcn.io.split.SplitRatios;
import io.github.lightgcn.Sampling;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lightgcn train}: in the anime mode ({@code --anime --ratings}) runs {@link MalTraining}; otherwise reads a
 * train / [val] / test split and hands it to the {@link TrainingPipeline} (popularity baseline, a line per epoch and
 * per evaluation, test metrics), with a model file that carries the split's ids.
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
        defaultValueProvider = Defaults.class,
        description = {
                "Train LightGCN on split files (--train/--test/--format), or on MAL files (--anime/--ratings) "
                        + "that it splits itself, and report full-ranking test metrics.",
                "Anime mode: a seeded split (--split, --val and --test fractions), the mal recipe unless --recipe "
                        + "paper, early stopping on val (patience " + Defaults.MAL_RECIPE_PATIENCE + ", or "
                        + Defaults.ANIME_PATIENCE + " with --recipe paper, unless --patience is given), "
                        + "recall/precision/NDCG @10 and @20 "
                        + "on test next to popularity; the model file carries the id mappings and anime metadata "
                        + "that recommend, similar, evaluate and export need.",
                "Split-file mode:",
                "Without --val, test is evaluated every --eval-every epochs and the LAST evaluation is reported "
                        + "(the authors' protocol; --patience is ignored). With --val and --patience > 0, training "
                        + "stops early on val, the best val epoch is restored and its test metrics are reported. "
                        + "With --val and --patience 0, test is reported at the last epoch."},
        footer = {"", "Example (MyAnimeList):",
                "  lightgcn train --anime anime.csv --ratings rating.csv \\",
                "      --model-out anime.lgcn --curves curves.png",
                "", "Example (LastFM, the LightGCN reference split):",
                "  lightgcn train --train data1.txt --test test1.txt --format pairs \\",
                "      --index-base 1 --num-users 1892 --num-items 4489 --epochs 1000"})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    // ---------------------------------------------------------------------------------- data: split files
    @Option(names = "--train", paramLabel = "FILE", description = "Training interactions (with --test, --format).")
    Path train;

    @Option(names = "--test", paramLabel = "FILE|FRACTION",
            description = "Test interactions file; with --anime/--ratings the test fraction (default "
                    + Defaults.ANIME_FRACTION + ").")
    String test;

    @Option(names = "--val", paramLabel = "FILE|FRACTION",
            description = "Validation file (for early stopping); with --anime/--ratings the validation fraction "
                    + "(default " + Defaults.ANIME_FRACTION + ").")
    String val;

    @Option(names = "--format", paramLabel = "adj|pairs|csv", converter = FormatConverter.class,
            description = {"adj: 'user item item ...' per line (the paper's train.txt);",
                    "pairs: 'user<sep>item[<sep>extra]' per line, tab, comma or space separated, optional header;",
                    "csv: header user_id,anime_id with original ids (mapped by sorted order over all files)."})
    DataFormat format;

    @Option(names = "--index-base", paramLabel = "0|1", defaultValue = Defaults.INDEX_BASE,
            description = "First id in adj/pairs files (1 = subtract 1 from every id). Default: ${DEFAULT-VALUE}.")
    int indexBase;

    @Option(names = "--num-users", paramLabel = "N",
            description = "Number of users (adj/pairs); default: largest id + 1 over all files.")
    Integer numUsers;

    @Option(names = "--num-items", paramLabel = "M",
            description = "Number of items (adj/pairs); default: largest id + 1 over all files.")
    Integer numItems;

    // ------------------------------------------------------------------------------------- data: MAL files
    @Option(names = "--anime", paramLabel = "FILE", description = "MAL anime.csv (with --ratings): the anime mode.")
    Path anime;

    @Option(names = "--ratings", paramLabel = "FILE", description = "MAL rating.csv: user_id,anime_id,rating.")
    Path ratings;

    @Option(names = "--split", paramLabel = "interaction|user|loo", defaultValue = Defaults.ANIME_SPLIT,
            description = "How to cut the ratings: interaction (random), user (per-user holdout), loo "
                    + "(leave one out). Default: ${DEFAULT-VALUE}.")
    SplitKind split;

    @Option(names = "--min-rating", paramLabel = "R",
            description = "Keep only ratings >= R (1..10; drops the unscored -1 rows). Default: every row.")
    Integer minRating;

    @Option(names = "--skip-bad-rows", description = "Skip and count malformed rating rows instead of failing.")
    boolean skipBadRows;

    @Mixin
    TrainingOptions training;

    // --------------------------------------------------------------------------------------------- outputs
    @Option(names = "--model-out", paramLabel = "FILE", description = "Save the trained model here.")
    Path modelOut;

    @Option(names = "--metrics-json", paramLabel = "FILE",
            description = "Write the final test metrics, timing and configuration as JSON.")
    Path metricsJson;

    @Option(names = "--curves", paramLabel = "PNG",
            description = "Draw the training loss and the monitored NDCG@20 per evaluation as a PNG.")
    Path curves;

    @Override
    public Integer call() throws IOException {
        boolean mal = anime != null || ratings != null; // then --val and --test are fractions
        training.config(); // every option value in range (a usage error naming it) before any file is looked at
        OutputPaths.of(spec).input("--train", train).input("--val", mal ? null : val).input("--test", mal ? null : test)
                .input("--anime", anime).input("--ratings", ratings).input("--resume", training.resumeFile())
                .file("--model-out", modelOut).file("--metrics-json", metricsJson).file("--curves", curves)
                .file("--checkpoint", training.checkpointPath(modelOut), "--resume").check();
        if (training.resumeFile() != null) requireFile("--resume", training.resumeFile());
        return mal ? trainOnMal() : trainOnSplitFiles();
    }

    private int trainOnMal() throws IOException {
        if (anime == null || ratings == null) throw training.usage("--anime and --ratings go together");
        if (train != null || format != null) {
            throw training.usage("--train/--format are for split files; --anime/--ratings cut their own split");
        }
        requireFile("--anime", anime);
        requireFile("--ratings", ratings);
        if (curves == null && metricsJson == null && modelOut == null) {
            // nothing is kept: fine for a quick look, but say so
            spec.commandLine().getOut().println("note: no --model-out: the model is not saved");
        }
        SplitRatios ratios;
        double valFraction = fraction("--val", val), testFraction = fraction("--test", test);
        try {
            ratios = new SplitRatios(1 - valFraction - testFraction, valFraction, testFraction);
        } catch (IllegalArgumentException e) {
            throw training.usage("Invalid value for options '--val'/'--test': " + e.getMessage());
        }
        RatingOptions ratingOptions = RatingOptions.defaults().withSkipBadRows(skipBadRows);
        if (minRating != null) {
            if (minRating < 1 || minRating > 10) {
                throw training.usage("Invalid value for option '--min-rating': must be in 1..10, got " + minRating);
            }
            ratingOptions = ratingOptions.withMinRating(minRating);
        }
        LightGCNConfig config = training.config(Recipe.MAL, Defaults.animeTopK());
        FitOptions run = training.fitOptions();
        if (training.recipe(Recipe.MAL) == Recipe.PAPER
                && !spec.commandLine().getParseResult().hasMatchedOption("--patience")) {
            config = config.toBuilder().patience(Defaults.patience(true)).build();
        }
        PrintWriter out = spec.commandLine().getOut();
        MalTraining.Result result;
        try {
            result = new MalTraining(out, Progress.detect()).run(
                    new MalTraining.Data(anime, ratings, ratingOptions, split, ratios), config, run,
                    o -> training.configure(o, modelOut), modelOut, curves);
        } catch (TrainingInterrupted e) {
            throw training.interrupted(e.epochs()); // names the checkpoint to resume from
        }
        if (metricsJson != null) {
            AtomicFile.write(metricsJson, "the metrics", MetricsReport.ofMal(result, config, run).render()
                    .getBytes(StandardCharsets.UTF_8));
            print(out, "metrics written to " + metricsJson);
        }
        return 0;
    }

    /** A --val/--test fraction of the anime mode; {@link Defaults#ANIME_FRACTION} when not given. */
    private double fraction(String option, String value) {
        if (value == null) return Double.parseDouble(Defaults.ANIME_FRACTION);
        try {
            double f = Double.parseDouble(value);
            if (f >= 0 && f < 1) return f;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw training.usage("Invalid value for option '" + option + "': with --anime/--ratings it is a fraction "
                + "in [0, 1), got '" + value + "'");
    }

    private int trainOnSplitFiles() throws IOException {
        List<String> missing = new ArrayList<>();
        if (train == null) missing.add("'--train=FILE'");
        if (test == null) missing.add("'--test=FILE'");
        if (format == null) missing.add("'--format=adj|pairs|csv'");
        if (!missing.isEmpty()) {
            throw training.usage("Missing required option" + (missing.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", missing) + " (or train on MAL files with --anime and --ratings)");
        }
        Path test = Path.of(this.test), val = this.val == null ? null : Path.of(this.val);
        long started = System.nanoTime();
        LightGCNConfig config = training.config();
        FitOptions run = training.fitOptions();
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
        KeyedSplit keyed = KeyedSplit.of(data); // keys: csv's original ids, or the dense ids of adj and pairs
        TrainingPipeline.Data input = new TrainingPipeline.Data(keyed, validating ? keyed.val() : keyed.test(),
                validating ? "val" : "test", train.getFileName().toString());
        TrainingPipeline.Result result;
        try {
            result = new TrainingPipeline(out, spec.commandLine().getErr(), Progress.detect(),
                    TrainingPipeline.Layout.SPLIT_FILES).run(input, config, training.configure(run, modelOut),
                    modelOut, (model, file) -> SplitModelIds.of(keyed, readOptions).attachTo(model).save(file),
                    curves); // the ids let evaluate read held-out files
        } catch (TrainingInterrupted e) {
            throw training.interrupted(e.epochs()); // names the checkpoint to resume from
        }
        if (metricsJson != null) {
            Json json = MetricsReport.of(result.test(), validating, result.summary(), result.lastEvaluation(),
                    result.monitorLabel(), result.popularity(), data, config, run, seconds(started));
            AtomicFile.write(metricsJson, "the metrics", json.render().getBytes(StandardCharsets.UTF_8));
            print(out, "metrics written to " + metricsJson);
        }
        return 0;
    }

    private ReadOptions readOptions() {
        if (indexBase != 0 && indexBase != 1) {
            throw training.usage("Invalid value for option '--index-base': must be 0 or 1, got " + indexBase);
        }
        if (numUsers != null && numUsers < 1) {
            throw training.usage("Invalid value for option '--num-users': must be >= 1, got " + numUsers);
        }
        if (numItems != null && numItems < 1) {
            throw training.usage("Invalid value for option '--num-items': must be >= 1, got " + numItems);
        }
        if (format == DataFormat.CSV && (indexBase != 0 || numUsers != null || numItems != null)) {
            throw training.usage("--index-base, --num-users and --num-items apply to adj and pairs files; csv ids are "
                    + "original ids, mapped to 0..n-1 over all files");
        }
        return new ReadOptions(format, indexBase, numUsers == null ? 0 : numUsers, numItems == null ? 0 : numItems);
    }

    private static void requireFile(String option, Path file) { InputFiles.require(option, file); }

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
    public static final class SamplerConverter implements ITypeConverter<Sampling> {
        @Override
        public Sampling convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "user", "user_uniform" -> Sampling.USER_UNIFORM;
                case "edge", "edge_uniform" -> Sampling.EDGE_UNIFORM;
                default -> throw new TypeConversionException("unknown sampler '" + value + "': use user or edge");
            };
        }

        public static String label(Sampling s) { return s == Sampling.EDGE_UNIFORM ? "edge" : "user"; }
    }
}
