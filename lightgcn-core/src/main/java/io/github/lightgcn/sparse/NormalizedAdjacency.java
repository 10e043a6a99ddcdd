package io.github.lightgcn.sparse;

import io.github.lightgcn.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;

/**
 * The symmetric-normalised bipartite adjacency {@code Â = D^-1/2 A D^-1/2}, {@code A = [[0, R], [Rᵀ, 0]]}, as a
 * square CSR matrix over all nodes: users are rows {@code 0..U-1}, items rows {@code U..U+I-1}. No self loops;
 * an isolated node has an empty row (and a zero scale), so its propagated row is 0, never NaN.
 *
 * <p>Embedding tables are flat row-major {@code float[]} of {@code numNodes × dim}. This class holds the scalar
 * kernel {@link #multiplyRows}; it is the oracle for any faster kernel.
 */
public final class NormalizedAdjacency {

    private final int numUsers;
    private final int numItems;
    private final int[] rowOffsets;   // numNodes + 1
    private final int[] columns;      // neighbour node ids, sorted within each row
    private final float[] values;     // d_r^-1/2 · d_c^-1/2 per non-zero
    private final float[] invSqrtDegree;

    private NormalizedAdjacency(int numUsers, int numItems, int[] rowOffsets, int[] columns, float[] values,
                                float[] invSqrtDegree) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.rowOffsets = rowOffsets;
        this.columns = columns;
        this.values = values;
        this.invSqrtDegree = invSqrtDegree;
    }

    public static NormalizedAdjacency of(InteractionGraph graph) {
        int users = graph.numUsers(), items = graph.numItems(), nodes = users + items;
        long nnzLong = 2L * graph.numEdges();
        if (nnzLong > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("graph too large: " + graph.numEdges() + " edges (at most "
                    + (Integer.MAX_VALUE / 2 - 4) + ")");
        }
        int nnz = (int) nnzLong;
        int[] offsets = new int[nodes + 1];
        int[] columns = new int[nnz];
        int[] uOff = graph.userOffsets(), uIdx = graph.userIndices();
        int[] iOff = graph.itemOffsets(), iIdx = graph.itemIndices();
        int w = 0;
        for (int u = 0; u < users; u++) {
            for (int p = uOff[u]; p < uOff[u + 1]; p++) columns[w++] = users + uIdx[p];
            offsets[u + 1] = w;
        }
        for (int i = 0; i < items; i++) {
            for (int p = iOff[i]; p < iOff[i + 1]; p++) columns[w++] = iIdx[p];
            offsets[users + i + 1] = w;
        }
        float[] scale = new float[nodes];
        for (int r = 0; r < nodes; r++) {
            int degree = offsets[r + 1] - offsets[r];
            scale[r] = degree == 0 ? 0f : (float) (1.0 / Math.sqrt(degree));
        }
        float[] values = new float[nnz];
        for (int r = 0; r < nodes; r++) {
            for (int p = offsets[r]; p < offsets[r + 1]; p++) values[p] = scale[r] * scale[columns[p]];
        }
        return new NormalizedAdjacency(users, items, offsets, columns, values, scale);
    }

    public int numUsers() { return numUsers; }

    public int numItems() { return numItems; }

    public int numNodes() { return numUsers + numItems; }

    /** Stored non-zeros (each edge counted in both directions). */
    public int nonZeros() { return columns.length; }

    /** CSR row offsets (shared storage: do not modify). */
    public int[] rowOffsets() { return rowOffsets; }

    /** CSR column indices (shared storage: do not modify). */
    public int[] columns() { return columns; }

    /** Per-non-zero values d_r^-1/2 d_c^-1/2 (shared storage: do not modify). */
    public float[] values() { return values; }

    /** Per-node d^-1/2, 0 for isolated nodes (shared storage: do not modify). */
    public float[] invSqrtDegree() { return invSqrtDegree; }

    /** {@code y = Â x} for all rows, rows split by non-zeros over the workers. */
    public void multiply(float[] x, float[] y, int dim, Workers workers) {
        int nodes = numNodes();
        int parts = workers.threads() == 1 ? 1 : workers.threads() * 4;
        int[] bounds = Workers.balancedRanges(rowOffsets, nodes, parts);
        workers.run(bounds.length - 1, t -> multiplyRows(x, y, dim, bounds[t], bounds[t + 1]));
    }

    /**
     * Scalar kernel: {@code y[r] = Σ_p values[p] · x[columns[p]]} for rows r in [from, to). Each row is summed in
     * column order, so the result does not depend on how rows are split among threads.
     */
    public void multiplyRows(float[] x, float[] y, int dim, int from, int to) {
        for (int r = from; r < to; r++) {
            int out = r * dim;
            for (int k = 0; k < dim; k++) y[out + k] = 0f;
            for (int p = rowOffsets[r]; p < rowOffsets[r + 1]; p++) {
                float v = values[p];
                int in = columns[p] * dim;
                for (int k = 0; k < dim; k++) y[out + k] += v * x[in + k];
            }
        }
    }
}
