package io.github.lightgcn.internal.sparse;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.RowKernels;
import io.github.lightgcn.internal.simd.SparseKernels;

/**
 * LightGCN's propagation: {@code out = (1/(K+1)) Σ_{k=0..K} Â^k in}. Because {@code Â} is symmetric, the same
 * operator maps a gradient w.r.t. the final embeddings to the gradient w.r.t. the ego embeddings, so forward and
 * backward are both {@link #apply}. Runs on the kernels it is given (the result is the same bit for bit on any
 * set). Holds two scratch tables of {@code numNodes × dim} ({@link AlignedRows}); not thread-safe.
 */
public final class LayerMeanPropagation {

    private final NormalizedAdjacency adjacency;
    private final int layers;
    private final int dim;
    private final Workers workers;
    private final float[] current;
    private final float[] next;
    private final SparseKernels sparse;
    private final RowKernels rows;

    public LayerMeanPropagation(NormalizedAdjacency adjacency, int layers, int dim, Workers workers, Kernels kernels) {
        if (layers < 0) throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        this.adjacency = adjacency;
        this.sparse = kernels.sparse();
        this.rows = kernels.rows();
        this.layers = layers;
        this.dim = dim;
        this.workers = workers;
        this.current = AlignedRows.allocate(adjacency.numNodes(), dim);
        this.next = AlignedRows.allocate(adjacency.numNodes(), dim);
    }

    public int layers() { return layers; }

    public int dim() { return dim; }

    public NormalizedAdjacency adjacency() { return adjacency; }

    /** {@code out = mean of Â^k in over k = 0..K}; {@code in} is not modified, {@code out} is overwritten. */
    public void apply(float[] in, float[] out) {
        apply(in, 0, out);
    }

    /**
     * The same, for an input table whose row r starts at {@code inBase + r·dim} (e.g. {@link AlignedRows#BASE});
     * {@code out} is a plain {@code numNodes × dim} table.
     */
    public void apply(float[] in, int inBase, float[] out) {
        int n = adjacency.numNodes() * dim;
        System.arraycopy(in, inBase, out, 0, n);
        float inv = 1f / (layers + 1);
        if (layers == 0) {
            rows.scale(inv, out, 0, n);
            return;
        }
        int[] bounds = adjacency.rowRanges(workers);
        int[] offsets = adjacency.rowOffsets(), columns = adjacency.columns();
        float[] scale = adjacency.invSqrtDegree();
        float[] cur = in, nxt = current, spare = next;
        int curBase = inBase, base = AlignedRows.BASE;
        for (int k = 0; k < layers; k++) {
            float[] x = cur, y = nxt;
            int xBase = curBase;
            boolean last = k == layers - 1;
            // each task adds its fresh rows to the mean while they are still in cache (same order as a separate pass)
            workers.run(bounds.length - 1, t -> {
                int from = bounds[t], to = bounds[t + 1];
                sparse.spmmRows(offsets, columns, scale, x, xBase, dim, from, to, y, base);
                rows.addTo(y, base + from * dim, out, from * dim, (to - from) * dim);
                if (last) rows.scale(inv, out, from * dim, (to - from) * dim);
            });
            cur = nxt;
            curBase = base;
            nxt = (nxt == current) ? spare : current;
        }
    }
}
