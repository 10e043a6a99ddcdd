package io.github.lightgcn;

/** Training produced a non-finite loss or embedding; the message names where and suggests what to change. */
public class TrainingDivergedException extends IllegalStateException {

    private final int epoch;
    private final int batch;

    public TrainingDivergedException(int epoch, int batch, String message) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch (1-based) in which the divergence was seen. */
    public int epoch() { return epoch; }

    /** The batch (1-based) in which it was seen, or 0 when it was found at the end of the epoch. */
    public int batch() { return batch; }
}
