package io.github.lightgcn.examples.training;

import io.github.lightgcn.examples.cli.StopOnCtrlC;
import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.StopReason;
import io.github.lightgcn.TrainingListener.EvaluationStats;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.PopularityBaseline;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyedInteractions;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * The training run behind both modes of {@code train} (and {@code demo}), once the data is loaded and split: the
 * configuration line, the popularity baseline on test, the fit with its log, progress, curves and checkpoints,
 * the test metrics, the model file and the curves. The modes keep what differs: how the data is read and split,
 * what is printed about it, and what the model file carries ({@link ModelFile}).
 */
public final class TrainingPipeline {

    /**
     * How a mode prints its results; the two layouts predate this class and scripts read them.
     * {@code SPLIT_FILES}: one line of test metrics, timings to the millisecond, no progress bars;
     * {@code ANIME}: progress bars on a terminal, test metrics as a table next to popularity.
     */
    public enum Layout { SPLIT_FILES, ANIME }

    /**
     * The split to train on.
     *
     * @param split       the keyed train / val / test graphs
     * @param monitor     the graph evaluated during training (val, or test by the authors' protocol), or null
     * @param monitorName {@code "val"} or {@code "test"}: how the log and the curves name the monitored graph
     * @param dataName    the data set's name in the curves' title
     */
    public record Data(KeyedSplit split, KeyedInteractions monitor, String monitorName, String dataName) {}

    /** Writes the trained model to a file, with what the mode's model file carries (ids, metadata). */
    @FunctionalInterface
    public interface ModelFile {
        /** Saves {@code model} to {@code file}. */
        void save(LightGCNModel model, Path file) throws IOException;
    }

    /**
     * What a run produced.
     *
     * @param test           the reported test metrics
     * @param lastEvaluation the last evaluation during training, or null when none ran
     * @param monitorLabel   the monitored metric, e.g. {@code ndcg@20}
     */
    public record Result(LightGCNModel model, Metrics test, Metrics popularity, TrainingSummary summary,
                         EvaluationStats lastEvaluation, String monitorLabel) {}

    private final PrintWriter out;
    private final PrintWriter notices;
    private final Progress progress;
    private final Layout layout;

    /**
     * @param out      the run's log
     * @param notices  where a Ctrl-C is acknowledged
     * @param progress progress bars (on a terminal) or none; the split-file layout never draws them
     */
    public TrainingPipeline(PrintWriter out, PrintWriter notices, Progress progress, Layout layout) {
        this.out = out;
        this.notices = notices;
        this.progress = layout == Layout.ANIME ? progress : Progress.plain();
        this.layout = layout;
    }

    /**
     * Runs the pipeline.
     *
     * @param options   how the fit runs, checkpointing included
     * @param modelOut  where to save the model, or null
     * @param modelFile how to save it
     * @param curvesPng where to draw the training curves, or null
     */
    public Result run(Data data, LightGCNConfig config, FitOptions options, Path modelOut, ModelFile modelFile,
                      Path curvesPng) throws IOException {
        print("config: %s", TrainingOptions.describe(config, options));
        InteractionGraph train = data.split().train().graph(), test = data.split().test().graph();
        Metrics popularity = evaluate("popularity on test", test, config, options,
                eval -> PopularityBaseline.evaluate(train, test, eval));

        String monitorLabel = config.monitorMetric().label() + "@" + config.monitorK();
        TrainingProgress bars = new TrainingProgress(progress, config.evalEvery(), config.epochs(), out);
        TrainingLog log = new TrainingLog(out, data.monitorName(), monitorLabel, !progress.bars(), config.loss());
        TrainingCurves curves = new TrainingCurves(data.monitorName() + " " + monitorLabel);
        FitOptions.Builder fit = options.toBuilder();
        if (layout == Layout.ANIME) fit.listener(bars);
        LightGCNModel model;
        try {
            model = StopOnCtrlC.fit(new LightGCN(config), data.split().train(), data.monitor(),
                    fit.listener(log).listener(curves).build(), notices);
        } finally {
            bars.finish();
        }
        TrainingSummary summary = model.trainingSummary();
        Metrics testMetrics = layout == Layout.ANIME ? reportAnime(model, test, popularity, config, options)
                : reportSplitFiles(model, data.monitorName().equals("test"), test, config, options);

        if (modelOut != null) { // the save makes the folder, and names the file when it fails
            modelFile.save(model, modelOut);
            print("model saved to %s", modelOut);
        }
        if (curvesPng != null && curves.epochs() > 0) {
            curves.writePng(curvesPng, "LightGCN on " + data.dataName());
            print("training curves written to %s", curvesPng);
        }
        return new Result(model, testMetrics, popularity, summary, log.lastEvaluation(), monitorLabel);
    }

    /**
     * Without val the authors' protocol: the last evaluation on test, which ran at the last epoch; with val the
     * model's epoch (the best on val under early stopping, else the last) evaluated on test.
     */
    private Metrics reportSplitFiles(LightGCNModel model, boolean monitoredTest, InteractionGraph test,
                                     LightGCNConfig config, FitOptions options) {
        TrainingSummary summary = model.trainingSummary();
        Metrics metrics;
        String reported;
        if (monitoredTest) {
            metrics = summary.lastEvaluation();
            reported = "last evaluation, epoch " + summary.epochsRun();
        } else {
            metrics = model.evaluate(test, CliEvaluation.options(config, options, Progress.Bar.NONE));
            reported = (config.patience() > 0 ? "best val epoch " : "last epoch ") + summary.modelEpoch()
                    + (summary.stopReason() == StopReason.EARLY_STOPPED
                            ? ", stopped early at epoch " + summary.epochsRun() : "");
        }
        print("test (%s): %s", reported, CliEvaluation.line(metrics));
        print("trained %d epochs in %.1f s (median epoch %.3f s)", summary.epochsRun(), summary.trainSeconds(),
                summary.medianEpochSeconds());
        return metrics;
    }

    /** The model's epoch evaluated on test, printed as a table next to the popularity baseline. */
    private Metrics reportAnime(LightGCNModel model, InteractionGraph test, Metrics popularity,
                                LightGCNConfig config, FitOptions options) {
        TrainingSummary summary = model.trainingSummary();
        print("trained %d epochs in %.1f s (median epoch %.3f s); the model holds epoch %d%s", summary.epochsRun(),
                summary.trainSeconds(), summary.medianEpochSeconds(), summary.modelEpoch(),
                switch (summary.stopReason()) {
                    case EARLY_STOPPED -> ", the best on val (stopped early)";
                    case TIME_BOUND -> " (time bound reached)";
                    case INTERRUPTED -> " (interrupted)";
                    case COMPLETED -> "";
                });
        Metrics metrics = evaluate("LightGCN on test", test, config, options, eval -> model.evaluate(test, eval));
        print("test metrics (%,d users), LightGCN vs the popularity baseline:", metrics.numUsers());
        MetricTable.print(out, metrics, popularity);
        return metrics;
    }

    /** Runs one evaluation with a progress bar over the users of {@code relevant}, and logs it. */
    private Metrics evaluate(String what, InteractionGraph relevant, LightGCNConfig config, FitOptions options,
                             Function<EvaluationOptions, Metrics> evaluation) {
        long t0 = System.nanoTime();
        Metrics m;
        try (Progress.Bar bar = progress.bar(what, relevant.activeUsers())) {
            m = evaluation.apply(CliEvaluation.options(config, options, bar));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        print(layout == Layout.ANIME ? "%s: %s  (%,d users, %.2f s)" : "%s: %s  (%d users, %.3f s)", what,
                CliEvaluation.line(m), m.numUsers(), seconds);
        return m;
    }

    private void print(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
