package io.github.lightgcn.internal.train;

import io.github.lightgcn.StopReason;

/**
 * A rule that may end training after an epoch. The loop asks its rules at the end of every epoch (as an optimiser
 * asks Commons Math's {@code ConvergenceChecker}) instead of keeping flags of its own; a {@link StopPolicy} asks
 * several in order of precedence.
 */
@FunctionalInterface
public interface StoppingRule {

    /**
     * Where a run stands at the end of an epoch.
     *
     * @param epoch        the epoch just trained (1-based)
     * @param trainSeconds seconds spent in training epochs so far, this one included (evaluation excluded)
     * @param evaluated    whether the monitoring graph was evaluated at this epoch
     */
    record EpochEnd(int epoch, double trainSeconds, boolean evaluated) {}

    /** Why training should end after this epoch, or null to go on. */
    StopReason check(EpochEnd end);

    /** Ends the run with {@link StopReason#COMPLETED} after epoch {@code epochs}. */
    static StoppingRule epochBudget(int epochs) {
        return end -> end.epoch() >= epochs ? StopReason.COMPLETED : null;
    }

    /** Ends the run with {@link StopReason#TIME_BOUND} once {@code seconds} of training have passed; 0 = never. */
    static StoppingRule timeBound(double seconds) {
        return end -> seconds > 0 && end.trainSeconds() >= seconds ? StopReason.TIME_BOUND : null;
    }
}
