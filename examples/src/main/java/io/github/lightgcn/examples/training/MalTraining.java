package io.github.lightgcn.examples.training;

import io.github.lightgcn.examples.anime.AnimeModel;
import io.github.lightgcn.examples.cli.CliFailure;
import io.github.lightgcn.examples.cli.StopOnCtrlC;
import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.PopularityBaseline;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.io.mal.AnimeCatalog;
import io.github.lightgcn.io.mal.AnimeCsv;
import io.github.lightgcn.io.mal.LoadSummary;
import io.github.lightgcn.io.mal.MalDataset;
import io.github.lightgcn.io.split.Split;
import io.github.lightgcn.io.mal.RatingOptions;
import io.github.lightgcn.io.mal.RatingsCsv;
import io.github.lightgcn.io.split.SplitGraphs;
import io.github.lightgcn.io.split.SplitRatios;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The MAL training run shared by {@code train --anime --ratings} and {@code demo}: load and count, split,
 * popularity baseline, train with early stopping on the validation part, test metrics next to popularity, save
 * the model with its anime data, draw the curves. Prints as it goes.
 */
public final class MalTraining {

    /** Where the data comes from and how it is cut. */
    public record Data(Path animeCsv, Path ratingsCsv, RatingOptions ratingOptions, SplitKind split, SplitRatios ratios) {}

    /** What a run produced. */
    public record Result(AnimeModel model, Metrics test, Metrics popularity, TrainingSummary summary, MalDataset data,
                  Split split, double seconds) {}

    private final PrintWriter out;
    private final Progress progress;

    public MalTraining(PrintWriter out, Progress progress) {
        this.out = out;
        this.progress = progress;
    }

    /**
     * @param options       how the fit runs (threads, time bound)
     * @param checkpointing adds checkpointing and resuming to the options (or leaves them as they are)
     * @param modelOut      where to save the model, or null
     * @param curvesPng     where to draw the training curves, or null
     */
    public Result run(Data in, LightGCNConfig config, FitOptions options, UnaryOperator<FitOptions> checkpointing,
               Path modelOut, Path curvesPng) throws IOException {
        long started = System.nanoTime();
        AnimeCatalog catalog = AnimeCsv.read(in.animeCsv());
        print("anime: %,d in %s", catalog.size(), in.animeCsv());
        MalDataset data = RatingsCsv.read(in.ratingsCsv(), catalog, in.ratingOptions());
        LoadSummary load = data.summary();
        print("ratings: %s (%s)", load.describe(), in.ratingsCsv());
        for (String example : load.badRowExamples()) print("  skipped: %s", example);
        print("data: %,d users x %,d anime, %,d interactions", data.numUsers(), data.numAnime(),
                data.numInteractions());

        Split split = in.split().splitter(in.ratios()).split(data.interactions(), config.seed());
        KeyedSplit keyed = KeyedSplit.ofMal(data, split); // keys: the MAL ids, indexes in id order
        SplitGraphs graphs = new SplitGraphs(data.users(), data.anime(), keyed.train().graph(), keyed.val().graph(),
                keyed.test().graph());
        print("split (%s%s, seed %d): train %,d, val %,d, test %,d interactions; %,d val users, %,d test users",
                in.split().label(), in.split() == SplitKind.LOO ? "" : String.format(Locale.ROOT,
                        " %.0f/%.0f/%.0f", 100 * in.ratios().train(), 100 * in.ratios().val(),
                        100 * in.ratios().test()), config.seed(), split.train().size(), split.val().size(),
                split.test().size(), graphs.val().activeUsers(), graphs.test().activeUsers());
        if (graphs.train().numEdges() == 0) throw new CliFailure("the training split has no interaction");
        if (graphs.test().numEdges() == 0) throw new CliFailure("the test split is empty: use a larger --test");
        KeyedInteractions monitor = graphs.val().numEdges() > 0 ? keyed.val() : null;
        if (monitor == null) {
            print("note: the validation split is empty: no early stopping, the last epoch is tested");
            config = config.toBuilder().patience(0).build();
        }
        print("config: %s", TrainingOptions.describe(config, options));

        Metrics popularity = evaluate("popularity on test", graphs.test(), config, options,
                eval -> PopularityBaseline.evaluate(graphs.train(), graphs.test(), eval));

        String monitorLabel = config.monitorMetric().label() + "@" + config.monitorK();
        TrainingProgress bars = new TrainingProgress(progress, config.evalEvery(), config.epochs(), out);
        TrainingCurves curves = new TrainingCurves("val " + monitorLabel);
        FitOptions fit = checkpointing.apply(options).toBuilder().listener(bars)
                .listener(new TrainingLog(out, "val", monitorLabel, !progress.bars())).listener(curves).build();
        LightGCNModel model;
        try {
            model = StopOnCtrlC.fit(new LightGCN(config), keyed.train(), monitor, fit, out);
        } finally {
            bars.finish();
        }
        TrainingSummary summary = model.trainingSummary();
        print("trained %d epochs in %.1f s (median epoch %.3f s); the model holds epoch %d%s", summary.epochsRun(),
                summary.trainSeconds(), summary.medianEpochSeconds(), summary.modelEpoch(),
                switch (summary.stopReason()) {
                    case EARLY_STOPPED -> ", the best on val (stopped early)";
                    case TIME_BOUND -> " (time bound reached)";
                    case INTERRUPTED -> " (interrupted)";
                    case COMPLETED -> "";
                });

        LightGCNModel trained = model;
        Metrics test = evaluate("LightGCN on test", graphs.test(), config, options,
                eval -> trained.evaluate(graphs.test(), eval));
        print("test metrics (%,d users), LightGCN vs the popularity baseline:", test.numUsers());
        MetricTable.print(out, test, popularity);

        AnimeModel anime = AnimeModel.of(model, catalog);
        if (modelOut != null) {
            Path parent = modelOut.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            anime.save(modelOut);
            print("model saved to %s", modelOut);
        }
        if (curvesPng != null && curves.epochs() > 0) {
            curves.writePng(curvesPng, "LightGCN on " + in.ratingsCsv().getFileName());
            print("training curves written to %s", curvesPng);
        }
        return new Result(anime, test, popularity, summary, data, split, (System.nanoTime() - started) / 1e9);
    }

    /** Runs one evaluation of the library with a progress bar over the users of {@code relevant}, and logs it. */
    private Metrics evaluate(String what, InteractionGraph relevant, LightGCNConfig config, FitOptions options,
                             Function<EvaluationOptions, Metrics> evaluation) {
        long t0 = System.nanoTime();
        Metrics m;
        try (Progress.Bar bar = progress.bar(what, relevant.activeUsers())) {
            m = evaluation.apply(CliEvaluation.options(config, options, bar));
        }
        print("%s: %s  (%,d users, %.2f s)", what, CliEvaluation.line(m), m.numUsers(), (System.nanoTime() - t0) / 1e9);
        return m;
    }

    private void print(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
