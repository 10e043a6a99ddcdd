package io.github.lightgcn.examples.training;

import io.github.lightgcn.TrainingListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Training progress on a terminal: one bar per stretch of epochs between two evaluations, advanced batch by
 * batch, with the latest loss beside it; when the evaluation comes the bar is closed and the evaluation line
 * printed under it. Off a terminal (CI, pipes, logs) it writes a plain line every {@value #PLAIN_EVERY_SECONDS}
 * seconds inside a long epoch, so a big data set never looks stuck between two epoch lines.
 */
final class TrainingProgress implements TrainingListener {

    static final int PLAIN_EVERY_SECONDS = 30;

    private final Progress progress;
    private final int evalEvery;
    private final int maxEpochs;
    private final PrintWriter plain;
    private final long plainEveryNanos;
    private Progress.Bar bar;
    private int windowStart;
    private long lastPlainLine = System.nanoTime();

    TrainingProgress(Progress progress, int evalEvery, int maxEpochs, PrintWriter plain) {
        this(progress, evalEvery, maxEpochs, plain, PLAIN_EVERY_SECONDS);
    }

    TrainingProgress(Progress progress, int evalEvery, int maxEpochs, PrintWriter plain, int plainEverySeconds) {
        this.progress = progress;
        this.evalEvery = evalEvery;
        this.maxEpochs = maxEpochs;
        this.plain = plain;
        this.plainEveryNanos = plainEverySeconds * 1_000_000_000L;
    }

    @Override
    public void onBatch(int epoch, int batch, int batchesInEpoch) {
        if (!progress.bars()) {
            long now = System.nanoTime();
            if (now - lastPlainLine >= plainEveryNanos && batch < batchesInEpoch) {
                plain.printf(Locale.ROOT, "  epoch %d: batch %,d of %,d (%.0f%%)%n", epoch, batch, batchesInEpoch,
                        100.0 * batch / batchesInEpoch);
                plain.flush();
                lastPlainLine = now;
            }
            return;
        }
        if (bar == null) {
            windowStart = epoch;
            int windowEnd = Math.min(maxEpochs, ((epoch - 1) / evalEvery + 1) * evalEvery); // next evaluation
            bar = progress.bar("epochs " + epoch + "-" + windowEnd, (long) (windowEnd - epoch + 1) * batchesInEpoch);
        }
        bar.stepTo((long) (epoch - windowStart) * batchesInEpoch + batch);
    }

    @Override
    public void onEpoch(EpochStats s) {
        lastPlainLine = System.nanoTime();
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
