package io.github.lightgcn.internal.train;

import io.github.lightgcn.Loss;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.RowKernels;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;

/**
 * The part of a {@link TrainingStep} that a {@link Loss} other than BPR decides: the loss of a batch and its
 * gradient w.r.t. the batch's final (layer-mean) rows. BPR stays the step's own fused code (the paper's numbers bit
 * for bit). Implementations compute every row with the same float operations in the same order whatever the
 * number of threads (each row's updates applied by one task, in batch order) and on any kernels.
 */
interface BatchObjective {

    /**
     * The batch as compact rows: slot s is the final row {@code finals[s·dim, (s+1)·dim)}.
     *
     * @param count     the batch's distinct nodes (slots 0..count−1)
     * @param batch     its positives
     * @param users     the user slot of each positive
     * @param positives the item slot of each positive
     * @param negatives {@code negativesPerPositive} item slots per positive, positive by positive
     * @param byNodeId  the slots in ascending node id, users first (slots follow the table's node order, so a sum
     *                  over slots must walk them in this order for the result not to depend on that order)
     * @param distinctUsers how many of the slots are users ({@code byNodeId[0, distinctUsers)})
     * @param rows      the adjacency (table) row of each slot
     */
    record Batch(float[] finals, int dim, int count, int batch, int[] users, int[] positives, int[] negatives,
                 int negativesPerPositive, int[] byNodeId, int distinctUsers, int[] rows) {}

    /**
     * Writes the gradient of the mean loss w.r.t. each of the {@code count} final rows into {@code grad} (same
     * layout as {@code finals}, every row overwritten) and returns the loss (without L2).
     */
    double lossAndGradient(Batch b, float[] grad);

    /** How many negatives per positive the loss draws for each batch (0: none). */
    int negativesPerBatchPositive();

    /** Whether the loss reads every item's final row, so that each batch holds every item. */
    default boolean needsEveryItem() { return false; }

    /** The objective of {@code loss} on the training graph {@code adjacency}, or null for BPR (the step's own path). */
    static BatchObjective of(Loss loss, NormalizedAdjacency adjacency, Workers workers, RowKernels rows) {
        if (loss instanceof Loss.SampledSoftmax s) return new SampledSoftmaxObjective(s, workers, rows);
        if (loss instanceof Loss.DirectAU d) return new AlignmentUniformityObjective(d, workers, rows);
        if (loss instanceof Loss.ImplicitSquared s) return new ImplicitSquaredObjective(s, adjacency, workers, rows);
        return null;
    }
}
