package io.github.lightgcn.testing;

import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;

import java.util.Random;

/**
 * The propagation product written straight from its definition, for tests only: {@code y[r] = Σ_p d_r^-1/2 d_c^-1/2
 * · x[c = columns[p]]} for rows r in [from, to), one row after the other, neighbours in CSR order (ascending node
 * id). It sums in the order every kernel must, so the kernels' results equal it bit for bit.
 */
public final class ReferenceProducts {

    private ReferenceProducts() {}

    /** {@code y = Â x} for rows [from, to) of plain tables (row r at {@code r·dim}). */
    public static void multiplyRows(NormalizedAdjacency adj, float[] x, float[] y, int dim, int from, int to) {
        int[] offsets = adj.rowOffsets(), columns = adj.columns();
        float[] scale = adj.invSqrtDegree();
        for (int r = from; r < to; r++) {
            int out = r * dim;
            for (int k = 0; k < dim; k++) y[out + k] = 0f;
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                float v = scale[r] * scale[columns[p]];
                int in = columns[p] * dim;
                for (int k = 0; k < dim; k++) y[out + k] += v * x[in + k];
            }
        }
    }

    /** A random order of {@code n} nodes from {@code seed}: the harshest layout for the order-independence tests. */
    public static NodeOrder shuffledOrder(int n, long seed) {
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) positions[i] = i;
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), t = positions[i];
            positions[i] = positions[j];
            positions[j] = t;
        }
        return NodeOrder.of(positions);
    }
}
