package io.github.lightgcn.internal.train;

import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.internal.simd.AdamKernels;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.sparse.NodeOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of one fit that changes as it trains, and that a {@link Checkpoint} saves: the ego embeddings and
 * Adam's moments ({@link AlignedRows} tables, row r at {@link #BASE} + r·dim, rows in {@link #order}), the
 * early-stopping state with the best epoch's ego table, the evaluations and the timing.
 */
final class TrainingState {

    /** Offset of row 0 in the ego table and Adam's moments. */
    static final int BASE = AlignedRows.BASE;

    /** Where each node's row is in the tables. */
    final NodeOrder order;
    final int dim;
    final float[] ego;
    final Adam adam;
    final EarlyStopping stopping;
    /** The ego embeddings of the best evaluation in node-id order, kept under early stopping only; else null. */
    float[] bestEgo;
    Metrics lastEval, bestEval;
    double trainSeconds;
    final List<Double> epochSeconds = new ArrayList<>();

    /** A fresh run from {@code initialEgo} (in node-id order). */
    TrainingState(NodeOrder order, int dim, float[] initialEgo, float learningRate, AdamKernels adamKernels,
                  EarlyStopping stopping) {
        this.order = order;
        this.dim = dim;
        this.ego = AlignedRows.allocate(order.size(), dim);
        order.fromNodeOrder(initialEgo, ego, BASE, dim);
        this.adam = new Adam(ego.length, learningRate, adamKernels);
        this.stopping = stopping;
    }

    /** Values in a plain (node-id order, unpadded) table: nodes × dim. */
    int plainSize() { return order.size() * dim; }

    double[] epochSecondsArray() { return epochSeconds.stream().mapToDouble(Double::doubleValue).toArray(); }
}
