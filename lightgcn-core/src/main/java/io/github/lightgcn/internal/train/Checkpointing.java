package io.github.lightgcn.internal.train;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.eval.Metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fit's checkpoints: when one is due, saving the {@link TrainingState} to the checkpoint file, and restoring a
 * run from a checkpoint after checking that it belongs to this run ({@link RunIdentity#refusalsToResume}).
 * Checkpoints hold plain tables in node-id order, so a file does not depend on the in-memory layout.
 */
final class Checkpointing {

    private final RunIdentity identity;
    private final int every;
    private final Path file;

    Checkpointing(RunIdentity identity, FitOptions options) {
        this.identity = identity;
        this.every = options.checkpointEvery();
        this.file = options.checkpointFile().orElse(null);
    }

    /** Whether the fit saves checkpoints at all. */
    boolean enabled() { return file != null; }

    /** The checkpoint file, or null when checkpointing is off. */
    Path file() { return file; }

    /** Whether the periodic checkpoint is due after {@code epoch}. */
    boolean dueAfter(int epoch) { return file != null && epoch % every == 0; }

    /**
     * Saves the state after {@code completedEpochs} epochs and {@code nextBatch} batches of the next one, whose loss
     * sums are {@code partialLoss}.
     *
     * @throws UncheckedIOException naming the file when it cannot be written (the previous checkpoint is kept)
     */
    void save(TrainingState s, int completedEpochs, int nextBatch, double[] partialLoss) {
        Checkpoint cp = new Checkpoint(completedEpochs, nextBatch, partialLoss.clone(),
                s.order.toNodeOrder(s.ego, TrainingState.BASE, s.dim), s.adam.step(),
                s.order.toNodeOrder(s.adam.firstMoments(), TrainingState.BASE, s.dim),
                s.order.toNodeOrder(s.adam.secondMoments(), TrainingState.BASE, s.dim),
                s.stopping.best(), s.stopping.bestEpoch(), s.stopping.evaluationsWithoutImprovement(), s.bestEgo,
                s.bestEval == null ? Map.of() : s.bestEval.asMap(), s.trainSeconds, s.epochSecondsArray(), identity);
        try {
            cp.save(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e); // "cannot save lightgcn checkpoint <file>: <why>"
        }
    }

    /**
     * Reads the checkpoint in {@code from}, checks that this run may continue it, and restores {@code s} from it.
     *
     * @return the checkpoint, for its position
     * @throws IllegalArgumentException when it belongs to another run (the message says which values differ) or
     *                                  its tables do not fit this run
     * @throws UncheckedIOException     when it cannot be read, or is damaged
     */
    Checkpoint resume(Path from, TrainingState s) {
        Checkpoint cp;
        try {
            cp = Checkpoint.load(from);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        List<String> refusals = identity.refusalsToResume(cp.identity());
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + from + " belongs to another run"
                    + (identity.otherData(cp.identity()) ? " (it was made on other data)" : "") + ": "
                    + String.join("; ", refusals));
        }
        if (cp.ego().length != s.plainSize()) {
            throw new IllegalArgumentException("checkpoint " + from + " has " + cp.ego().length
                    + " embedding values, this run needs " + s.plainSize());
        }
        s.order.fromNodeOrder(cp.ego(), s.ego, TrainingState.BASE, s.dim);
        float[] first = new float[s.ego.length], second = new float[s.ego.length];
        s.order.fromNodeOrder(cp.adamFirst(), first, TrainingState.BASE, s.dim);
        s.order.fromNodeOrder(cp.adamSecond(), second, TrainingState.BASE, s.dim);
        s.adam.restore(cp.adamStep(), first, second);
        s.stopping.restore(cp.best(), cp.bestEpoch(), cp.withoutImprovement());
        s.bestEgo = cp.bestEgo();
        s.bestEval = cp.bestMetrics().isEmpty() ? null : Metrics.fromMap(cp.bestMetrics());
        s.trainSeconds = cp.trainSeconds();
        for (double seconds : cp.epochSeconds()) s.epochSeconds.add(seconds);
        return cp;
    }
}
