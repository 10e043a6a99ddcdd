package io.github.lightgcn;

import io.github.lightgcn.internal.Arguments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one {@link LightGCN#fit(io.github.lightgcn.graph.InteractionGraph, io.github.lightgcn.graph.InteractionGraph,
 * FitOptions) fit} runs: worker threads, the evaluation block size, a time bound, checkpoints, the checkpoint to
 * resume from, and the listeners that see its progress. None of them changes a number of the result (the same
 * {@link LightGCNConfig} gives the same model bit for bit whatever the options; a time bound or a stop request only
 * decides <em>when</em> the run ends, and says so in {@link TrainingSummary#stopReason()}). Immutable; build with
 * {@link #builder()}; every value is checked when set, and an {@link IllegalArgumentException} names it and its
 * allowed range.
 *
 * <p>Options belong to a fit, not to the trainer: the configuration says what is trained, the options how this
 * particular run goes, e.g.
 * <pre>{@code
 * LightGCN trainer = new LightGCN(config);
 * LightGCNModel model = trainer.fit(train, validation, FitOptions.builder()
 *         .threads(4).checkpointEvery(10, Path.of("run.ckpt")).listener(myProgressBar).build());
 * }</pre>
 */
public final class FitOptions {

    private static final FitOptions DEFAULTS = builder().build();

    private final int threads;
    private final int evalBlockSize;
    private final double maxTrainingSeconds;
    private final int checkpointEvery;
    private final Path checkpointFile;
    private final Path resumeFile;
    private final List<TrainingListener> listeners;

    private FitOptions(Builder b) {
        this.threads = b.threads;
        this.evalBlockSize = b.evalBlockSize;
        this.maxTrainingSeconds = b.maxTrainingSeconds;
        this.checkpointEvery = b.checkpointEvery;
        this.checkpointFile = b.checkpointFile;
        this.resumeFile = b.resumeFile;
        this.listeners = List.copyOf(b.listeners);
    }

    /** A builder with the defaults: every core, blocks of 256 users, no time bound, no checkpoint, no listener. */
    public static Builder builder() { return new Builder(); }

    /** The defaults of {@link #builder()}. */
    public static FitOptions defaults() { return DEFAULTS; }

    /** A builder starting from these options (listeners included, in their order). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.threads = threads;
        b.evalBlockSize = evalBlockSize;
        b.maxTrainingSeconds = maxTrainingSeconds;
        b.checkpointEvery = checkpointEvery;
        b.checkpointFile = checkpointFile;
        b.resumeFile = resumeFile;
        b.listeners.addAll(listeners);
        return b;
    }

    /** Worker threads of the fit (training and monitoring evaluations). */
    public int threads() { return threads; }

    /** Users scored at a time per thread in the monitoring evaluations. */
    public int evalBlockSize() { return evalBlockSize; }

    /** Stop after this many seconds of training epochs (checked after each epoch); 0 = no bound. */
    public double maxTrainingSeconds() { return maxTrainingSeconds; }

    /** A checkpoint is saved every this many epochs; 0 when checkpointing is off. */
    public int checkpointEvery() { return checkpointEvery; }

    /** The file checkpoints are saved to, when checkpointing is on. */
    public Optional<Path> checkpointFile() { return Optional.ofNullable(checkpointFile); }

    /** The checkpoint the fit continues from, if any. */
    public Optional<Path> resumeFile() { return Optional.ofNullable(resumeFile); }

    /** The listeners, in the order they are called. */
    public List<TrainingListener> listeners() { return listeners; }

    @Override
    public String toString() {
        return "FitOptions{threads=" + threads + ", evalBlockSize=" + evalBlockSize + ", maxTrainingSeconds="
                + maxTrainingSeconds + ", checkpointEvery=" + checkpointEvery + ", checkpointFile=" + checkpointFile
                + ", resumeFile=" + resumeFile + ", listeners=" + listeners.size() + "}";
    }

    /** Mutable builder; each setter validates its argument at once. */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private int evalBlockSize = 256;
        private double maxTrainingSeconds = 0;
        private int checkpointEvery = 0;
        private Path checkpointFile;
        private Path resumeFile;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {}

        /** Worker threads, in [1, 1024]; results do not depend on it. */
        public Builder threads(int v) { threads = Arguments.inRange("threads", v, 1, 1024); return this; }

        /** Users scored at a time per thread during evaluation, in [1, 65536]; results do not depend on it. */
        public Builder evalBlockSize(int v) { evalBlockSize = Arguments.inRange("evalBlockSize", v, 1, 65_536); return this; }

        /**
         * Wall-clock bound on the training epochs in seconds, in [0, 1e9]; 0 = none. When an epoch ends past it, the
         * run stops ({@link StopReason#TIME_BOUND}) after evaluating and checkpointing that epoch.
         */
        public Builder maxTrainingSeconds(double v) {
            maxTrainingSeconds = Arguments.inRange("maxTrainingSeconds", v, 0, 1e9, false);
            return this;
        }

        /**
         * Saves a checkpoint to {@code file} (atomically) every {@code epochs} epochs, when the time bound ends
         * training, and when {@link LightGCN#requestStop()} interrupts it; {@code epochs} in [1, 1000000].
         */
        public Builder checkpointEvery(int epochs, Path file) {
            if (epochs < 1 || epochs > 1_000_000) {
                throw new IllegalArgumentException("checkpoint interval must be in [1, 1000000] epochs, got " + epochs);
            }
            if (file == null) throw new IllegalArgumentException("checkpoint file must not be null");
            checkpointEvery = epochs;
            checkpointFile = file;
            return this;
        }

        /** Turns checkpointing off (the default). */
        public Builder noCheckpoints() {
            checkpointEvery = 0;
            checkpointFile = null;
            return this;
        }

        /**
         * Continues the run saved in {@code checkpoint} instead of starting afresh, or starts afresh when null. The
         * fit refuses a checkpoint of other data, or of a configuration that differs in anything but
         * {@link LightGCNConfig#epochs()} (a run may be extended), and says which value differs.
         */
        public Builder resumeFrom(Path checkpoint) {
            resumeFile = checkpoint;
            return this;
        }

        /** Adds a listener for batches, epochs and evaluations (called in the order added, on the fit's thread). */
        public Builder listener(TrainingListener listener) {
            if (listener == null) throw new IllegalArgumentException("listener must not be null");
            listeners.add(listener);
            return this;
        }

        public FitOptions build() { return new FitOptions(this); }
    }
}
