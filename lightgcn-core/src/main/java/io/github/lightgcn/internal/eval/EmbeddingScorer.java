package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.simd.VectorOps;

/** Scores by dot product of user and item embedding rows (flat row-major tables of the same dimension). */
public final class EmbeddingScorer implements Scorer {

    private final float[] users;
    private final float[] items;
    private final int dim;
    private final int numItems;

    public EmbeddingScorer(float[] userEmbeddings, float[] itemEmbeddings, int dim) {
        this.users = userEmbeddings;
        this.items = itemEmbeddings;
        this.dim = dim;
        this.numItems = itemEmbeddings.length / dim;
    }

    @Override
    public int numItems() { return numItems; }

    int dim() { return dim; }

    float[] userTable() { return users; }

    float[] itemTable() { return items; }

    @Override
    public void scoreBlock(int[] userIds, int from, int to, float[] out) {
        for (int r = 0; r < to - from; r++) {
            int u = userIds[from + r] * dim, row = r * numItems;
            for (int i = 0; i < numItems; i++) out[row + i] = VectorOps.dot(users, u, items, i * dim, dim);
        }
    }
}
