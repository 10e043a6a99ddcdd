package io.github.lightgcn;

import io.github.lightgcn.eval.Metrics;

import java.util.Arrays;

/**
 * What a {@link LightGCN#fit} run did.
 *
 * @param epochsRun        epochs trained
 * @param modelEpoch       the epoch whose embeddings the model holds: the best monitored epoch when early
 *                         stopping (patience &gt; 0) restored it, else the last epoch trained
 * @param bestEpoch        the epoch of the best monitored evaluation, or -1 when nothing was evaluated
 * @param stopReason       why training ended: every epoch ran, patience ran out, the time bound, or
 *                         {@link LightGCN#requestStop()} (mid-epoch: the model holds the embeddings after the last
 *                         finished batch)
 * @param trainSeconds     time spent in training epochs (evaluation excluded)
 * @param epochSeconds     the duration of each epoch (a copy)
 * @param lastEvaluation   the last evaluation on the monitoring graph, or null when none ran
 * @param bestEvaluation   the best evaluation on the monitoring graph, or null when none ran
 */
public record TrainingSummary(int epochsRun, int modelEpoch, int bestEpoch, StopReason stopReason,
                              double trainSeconds, double[] epochSeconds, Metrics lastEvaluation,
                              Metrics bestEvaluation) {

    /** @throws IllegalArgumentException when {@code stopReason} or {@code epochSeconds} is null */
    public TrainingSummary {
        if (stopReason == null) throw new IllegalArgumentException("stopReason must not be null");
        if (epochSeconds == null) throw new IllegalArgumentException("epochSeconds must not be null");
        epochSeconds = epochSeconds.clone();
    }

    @Override
    public double[] epochSeconds() { return epochSeconds.clone(); }

    /** Median epoch time in seconds (0 when no epoch ran). */
    public double medianEpochSeconds() {
        if (epochSeconds.length == 0) return 0;
        double[] s = epochSeconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The evaluation that matches the model's embeddings: the best when it was restored, else the last. */
    public Metrics modelEvaluation() { return modelEpoch == bestEpoch ? bestEvaluation : lastEvaluation; }
}
