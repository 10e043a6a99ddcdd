package io.github.lightgcn;

import io.github.lightgcn.eval.Metrics;

import java.util.Arrays;

/**
 * What a {@link LightGCN#fit} run did.
 *
 * @param epochsRun        epochs trained
 * @param bestEpoch        epoch whose embeddings the model holds when early stopping restored the best, else the
 *                         last epoch
 * @param stoppedEarly     whether patience ran out before the last epoch
 * @param stoppedByTime    whether the time bound ended training
 * @param interrupted      whether {@link LightGCN#requestStop()} ended training (mid-epoch: the model holds the
 *                         embeddings after the last finished batch)
 * @param trainSeconds     time spent in training epochs (evaluation excluded)
 * @param epochSeconds     the duration of each epoch
 * @param lastEvaluation   the last evaluation on the monitoring graph, or null when none ran
 * @param bestEvaluation   the evaluation of the best epoch, or null when none ran
 */
public record TrainingSummary(int epochsRun, int bestEpoch, boolean stoppedEarly, boolean stoppedByTime,
                              boolean interrupted,
                              double trainSeconds, double[] epochSeconds, Metrics lastEvaluation,
                              Metrics bestEvaluation) {

    /** Median epoch time in seconds (0 when no epoch ran). */
    public double medianEpochSeconds() {
        if (epochSeconds.length == 0) return 0;
        double[] s = epochSeconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
