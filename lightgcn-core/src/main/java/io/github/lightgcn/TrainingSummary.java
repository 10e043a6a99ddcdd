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
 * @param stoppedEarly     whether patience ran out before the last epoch
 * @param stoppedByTime    whether the time bound ended training
 * @param interrupted      whether {@link LightGCN#requestStop()} ended training (mid-epoch: the model holds the
 *                         embeddings after the last finished batch)
 * @param trainSeconds     time spent in training epochs (evaluation excluded)
 * @param epochSeconds     the duration of each epoch (a copy)
 * @param lastEvaluation   the last evaluation on the monitoring graph, or null when none ran
 * @param bestEvaluation   the best evaluation on the monitoring graph, or null when none ran
 */
public record TrainingSummary(int epochsRun, int modelEpoch, int bestEpoch, boolean stoppedEarly,
                              boolean stoppedByTime, boolean interrupted, double trainSeconds, double[] epochSeconds,
                              Metrics lastEvaluation, Metrics bestEvaluation) {

    public TrainingSummary {
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
