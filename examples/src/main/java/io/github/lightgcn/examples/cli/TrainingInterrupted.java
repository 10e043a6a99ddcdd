package io.github.lightgcn.examples.cli;

/** Training was stopped by Ctrl-C: not an error; the message says where the run can be resumed. Exit 130. */
public final class TrainingInterrupted extends RuntimeException {

    static final int EXIT_CODE = 130;

    private final int epochs;

    public TrainingInterrupted(int epochs, String message) {
        super(message);
        this.epochs = epochs;
    }

    /** Epochs fully trained before the stop. */
    int epochs() { return epochs; }
}
