package io.github.lightgcn.sparse;

import io.github.lightgcn.concurrent.Workers;
import io.github.lightgcn.simd.Kernels;
import io.github.lightgcn.simd.VectorizationProvider;

/**
 * LightGCN's propagation: {@code out = (1/(K+1)) Σ_{k=0..K} Â^k in}. Because {@code Â} is symmetric, the same
 * operator maps a gradient w.r.t. the final embeddings to the gradient w.r.t. the ego embeddings, so forward and
 * backward are both {@link #apply}. Holds two scratch tables of {@code numNodes × dim}; not thread-safe.
 */
public final class LayerMeanPropagation {

    private final NormalizedAdjacency adjacency;
    private final int layers;
    private final int dim;
    private final Workers workers;
    private final float[] current;
    private final float[] next;
    private final Kernels kernels = VectorizationProvider.kernels();

    public LayerMeanPropagation(NormalizedAdjacency adjacency, int layers, int dim, Workers workers) {
        if (layers < 0) throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        this.adjacency = adjacency;
        this.layers = layers;
        this.dim = dim;
        this.workers = workers;
        long size = (long) adjacency.numNodes() * dim;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("embedding table too large: " + adjacency.numNodes() + " nodes x "
                    + dim + " dims");
        }
        this.current = new float[(int) size];
        this.next = new float[(int) size];
    }

    public int layers() { return layers; }

    public int dim() { return dim; }

    public NormalizedAdjacency adjacency() { return adjacency; }

    /** {@code out = mean of Â^k in over k = 0..K}; {@code in} is not modified, {@code out} is overwritten. */
    public void apply(float[] in, float[] out) {
        int n = in.length;
        System.arraycopy(in, 0, out, 0, n);
        float inv = 1f / (layers + 1);
        if (layers == 0) {
            kernels.scale(inv, out, 0, n);
            return;
        }
        int[] bounds = adjacency.rowRanges(workers);
        int[] offsets = adjacency.rowOffsets(), columns = adjacency.columns();
        float[] values = adjacency.values();
        float[] cur = in, nxt = current, spare = next;
        for (int k = 0; k < layers; k++) {
            float[] x = cur, y = nxt;
            boolean last = k == layers - 1;
            // each task adds its fresh rows to the mean while they are still in cache (same order as a separate pass)
            workers.run(bounds.length - 1, t -> {
                int from = bounds[t], to = bounds[t + 1];
                kernels.spmmRows(offsets, columns, values, x, 0, dim, from, to, y, 0);
                kernels.addTo(y, from * dim, out, from * dim, (to - from) * dim);
                if (last) kernels.scale(inv, out, from * dim, (to - from) * dim);
            });
            cur = nxt;
            nxt = (nxt == current) ? spare : current;
        }
    }
}
