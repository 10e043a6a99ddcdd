package io.github.lightgcn.examples.training;

import io.github.lightgcn.examples.cli.Json;
import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.StopReason;
import io.github.lightgcn.TrainingListener.EvaluationStats;
import io.github.lightgcn.TrainingSummary;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.io.InteractionSplit;

import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code --metrics-json} document: the reported test metrics first (keys {@code recall@20} ...), then how
 * they were obtained (epochs, the epoch the model holds, the best monitored epoch), timing, the popularity
 * baseline, the data and the configuration.
 */
public final class MetricsReport {

    private MetricsReport() {}

    /**
     * @param validating     whether a validation file was given (else the monitor graph was test)
     * @param lastEvaluation the last evaluation on the monitoring graph, or null
     */
    public static Json of(Metrics test, boolean validating, TrainingSummary summary, EvaluationStats lastEvaluation,
                   String monitorLabel, Metrics popularity, InteractionSplit data, LightGCNConfig config,
                   FitOptions options, double totalSeconds) {
        Json json = metrics(test);
        json.put("test_users", test.numUsers());
        json.put("protocol", !validating ? "last evaluation on test"
                : config.patience() > 0 ? "best val epoch restored, then test" : "last epoch, then test");
        json.put("epochs", summary.epochsRun());
        json.put("model_epoch", summary.modelEpoch()); // the epoch whose embeddings gave the metrics above
        json.put("best_epoch", lastEvaluation == null ? null : lastEvaluation.bestEpoch()); // best on the monitor
        json.put("stopped_early", summary.stopReason() == StopReason.EARLY_STOPPED);
        json.put("monitor", new Json()
                .put("graph", validating ? "val" : "test")
                .put("metric", monitorLabel)
                .put("best", lastEvaluation == null ? null : lastEvaluation.bestValue())
                .put("best_epoch", lastEvaluation == null ? null : lastEvaluation.bestEpoch()));
        json.put("train_seconds", summary.trainSeconds());
        json.put("median_epoch_seconds", summary.medianEpochSeconds());
        json.put("total_seconds", totalSeconds);
        json.put("popularity", metrics(popularity));
        json.put("data", new Json()
                .put("train", absolute(data.trainSource().file()))
                .put("val", data.validationSource().map(s -> absolute(s.file())).orElse(null))
                .put("test", absolute(data.testSource().file()))
                .put("users", data.numUsers())
                .put("items", data.numItems())
                .put("train_edges", data.train().numEdges())
                .put("val_edges", data.validation().map(g -> g.numEdges()).orElse(null))
                .put("test_edges", data.test().numEdges())
                .put("duplicates_merged", data.duplicatesMerged()));
        json.put("config", config(config, options));
        return json;
    }

    /** The document of an anime-mode run: test metrics, popularity, the load counts and split, configuration. */
    public static Json ofMal(MalTraining.Result r, LightGCNConfig config, FitOptions options) {
        Json json = metrics(r.test());
        json.put("test_users", r.test().numUsers());
        json.put("protocol", config.patience() > 0 ? "best val epoch restored, then test" : "last epoch, then test");
        TrainingSummary s = r.summary();
        json.put("epochs", s.epochsRun());
        json.put("model_epoch", s.modelEpoch());
        json.put("best_epoch", s.bestEpoch());
        json.put("stopped_early", s.stopReason() == StopReason.EARLY_STOPPED);
        json.put("stopped_by_time", s.stopReason() == StopReason.TIME_BOUND);
        json.put("train_seconds", s.trainSeconds());
        json.put("median_epoch_seconds", s.medianEpochSeconds());
        json.put("total_seconds", r.seconds());
        json.put("popularity", metrics(r.popularity()));
        var load = r.data().summary();
        json.put("data", new Json()
                .put("rows_read", load.rowsRead())
                .put("kept", load.kept())
                .put("skipped_bad", load.skippedBad())
                .put("below_min_rating", load.filteredByMinRating())
                .put("unknown_anime", load.droppedUnknownAnime())
                .put("duplicates_merged", load.duplicatesMerged())
                .put("users", r.data().numUsers())
                .put("anime", r.data().numAnime())
                .put("train", r.split().train().size())
                .put("val", r.split().val().size())
                .put("test", r.split().test().size()));
        json.put("config", config(config, options));
        return json;
    }

    /** The configuration, then the run's threads, evaluation block size and time bound (the keys of before). */
    private static Json config(LightGCNConfig config, FitOptions options) {
        Json cfg = new Json();
        for (Map.Entry<String, String> e : config.asMap().entrySet()) cfg.put(e.getKey(), typed(e.getValue()));
        cfg.put("threads", typed(Integer.toString(options.threads())));
        cfg.put("evalBlockSize", typed(Integer.toString(options.evalBlockSize())));
        cfg.put("maxTrainingSeconds", typed(Double.toString(options.maxTrainingSeconds())));
        return cfg;
    }

    private static String absolute(Path file) { return file.toAbsolutePath().normalize().toString(); }

    private static Json metrics(Metrics m) {
        Json json = new Json();
        m.asMap().forEach(json::put);
        return json;
    }

    /** Numbers stay numbers in the JSON; everything else is a string. */
    private static Object typed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(value);
                return Double.isFinite(d) ? d : value;
            } catch (NumberFormatException notNumber) {
                return value;
            }
        }
    }
}
