package io.github.lightgcn.internal.train;

import io.github.lightgcn.StopReason;

/**
 * Patience as a stopping rule: it watches one value (higher is better) and ends the run
 * ({@link StopReason#EARLY_STOPPED}) at an evaluation once {@code patience} evaluations in a row failed to improve
 * the best by more than {@code minDelta}. Patience 0 never stops.
 */
public final class EarlyStopping implements StoppingRule {

    private final int patience;
    private final double minDelta;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private int withoutImprovement;

    public EarlyStopping(int patience, double minDelta) {
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Records the value at an epoch; returns true when it is a new best. */
    public boolean update(int epoch, double value) {
        if (bestEpoch < 0 || value > best + minDelta) {
            best = value;
            bestEpoch = epoch;
            withoutImprovement = 0;
            return true;
        }
        withoutImprovement++;
        return false;
    }

    /** Restores the state saved in a checkpoint. */
    public void restore(double best, int bestEpoch, int withoutImprovement) {
        this.best = best;
        this.bestEpoch = bestEpoch;
        this.withoutImprovement = withoutImprovement;
    }

    /** Whether patience has run out. */
    public boolean shouldStop() { return patience > 0 && withoutImprovement >= patience; }

    /** Only an evaluation can exhaust patience, so the rule answers at evaluated epochs only. */
    @Override
    public StopReason check(EpochEnd end) { return end.evaluated() && shouldStop() ? StopReason.EARLY_STOPPED : null; }

    public double best() { return best; }

    public int bestEpoch() { return bestEpoch; }

    public int evaluationsWithoutImprovement() { return withoutImprovement; }
}
