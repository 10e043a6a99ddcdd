package io.github.lightgcn;

import io.github.lightgcn.eval.Metrics;

/** Receives training progress. Called on the training thread; keep it quick. All methods default to no-ops. */
public interface TrainingListener {

    /** After each batch (for progress bars on large data). */
    default void onBatch(int epoch, int batch, int batchesInEpoch) {}

    /** After each epoch. */
    default void onEpoch(EpochStats stats) {}

    /** After each evaluation on the monitoring graph. */
    default void onEvaluation(EvaluationStats stats) {}

    /** Statistics of one epoch: losses are means over its batches. */
    record EpochStats(int epoch, int maxEpochs, double loss, double bprLoss, double regLoss, int batches,
                      double seconds) {}

    /**
     * One evaluation: the metrics, the time it took, whether the monitored value improved, and the best so far.
     */
    record EvaluationStats(int epoch, Metrics metrics, double seconds, double monitoredValue, boolean improved,
                           int bestEpoch, double bestValue, int evaluationsWithoutImprovement) {}
}
