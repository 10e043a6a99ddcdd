package io.github.lightgcn.sparse;

import io.github.lightgcn.concurrent.Workers;

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
        float[] cur = in, nxt = current, spare = next;
        for (int k = 0; k < layers; k++) {
            adjacency.multiply(cur, nxt, dim, workers);
            for (int p = 0; p < n; p++) out[p] += nxt[p];
            cur = nxt;
            nxt = (nxt == current) ? spare : current;
        }
        float inv = 1f / (layers + 1);
        for (int p = 0; p < n; p++) out[p] *= inv;
    }
}
