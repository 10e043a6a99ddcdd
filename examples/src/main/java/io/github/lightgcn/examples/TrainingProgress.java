package io.github.lightgcn.examples;

import io.github.lightgcn.TrainingListener;

import java.util.Locale;

/**
 * Training progress on a terminal: one bar per stretch of epochs between two evaluations, advanced batch by
 * batch, with the latest loss beside it; when the evaluation comes the bar is closed and the evaluation line
 * printed under it. Off a terminal this listener does nothing and the plain {@link TrainingLog} lines are the
 * whole story.
 */
final class TrainingProgress implements TrainingListener {

    private final Progress progress;
    private final int evalEvery;
    private final int maxEpochs;
    private Progress.Bar bar;
    private int windowStart;

    TrainingProgress(Progress progress, int evalEvery, int maxEpochs) {
        this.progress = progress;
        this.evalEvery = evalEvery;
        this.maxEpochs = maxEpochs;
    }

    @Override
    public void onBatch(int epoch, int batch, int batchesInEpoch) {
        if (!progress.bars()) return;
        if (bar == null) {
            windowStart = epoch;
            int windowEnd = Math.min(maxEpochs, ((epoch - 1) / evalEvery + 1) * evalEvery); // next evaluation
            bar = progress.bar("epochs " + epoch + "-" + windowEnd, (long) (windowEnd - epoch + 1) * batchesInEpoch);
        }
        bar.stepTo((long) (epoch - windowStart) * batchesInEpoch + batch);
    }

    @Override
    public void onEpoch(EpochStats s) {
        if (bar != null) bar.message(String.format(Locale.ROOT, "epoch %d loss %.5f", s.epoch(), s.loss()));
    }

    /** Runs before the log's evaluation line (register this listener first), so the line lands under the bar. */
    @Override
    public void onEvaluation(EvaluationStats s) {
        finish();
    }

    /** Closes an open bar (end of training, or a stop between evaluations). */
    void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
