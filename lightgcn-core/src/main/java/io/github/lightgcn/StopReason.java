package io.github.lightgcn;

/**
 * Why a {@link LightGCN#fit} ended ({@link TrainingSummary#stopReason()}; recorded in the model's
 * {@link Provenance#stopReason()} by its {@link #label()}).
 */
public enum StopReason {
    /** Every epoch of {@link LightGCNConfig#epochs()} ran (also when patience ran out at the last one). */
    COMPLETED("completed"),
    /** Patience ran out before the last epoch: the monitored metric stopped improving. */
    EARLY_STOPPED("early-stopped"),
    /** The time bound of {@link FitOptions#maxTrainingSeconds()} was reached before the last epoch. */
    TIME_BOUND("time-bound"),
    /**
     * {@link LightGCN#requestStop()} ended the run before the last epoch; when it came in the middle of an epoch,
     * the model holds the embeddings after the last finished batch.
     */
    INTERRUPTED("interrupted");

    private final String label;

    StopReason(String label) { this.label = label; }

    /** The lower-case name saved in model files, e.g. {@code early-stopped}. */
    public String label() { return label; }

    /**
     * The reason with this {@link #label()}.
     *
     * @throws IllegalArgumentException for any other string (the message lists the labels)
     */
    public static StopReason fromLabel(String label) {
        for (StopReason r : values()) if (r.label.equals(label)) return r;
        throw new IllegalArgumentException("unknown stop reason '" + label
                + "': use completed, early-stopped, time-bound or interrupted");
    }
}
