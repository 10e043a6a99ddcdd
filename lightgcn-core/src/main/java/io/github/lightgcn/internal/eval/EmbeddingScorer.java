package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.VectorOps;

/**
 * Scores by dot product of user and item embedding rows (flat row-major tables of the same dimension), ranked by
 * {@link BlockedRanking}: the same lists as scoring every item one by one, several times faster.
 */
public final class EmbeddingScorer implements Scorer {

    private final float[] users;
    private final float[] items;
    private final int dim;
    private final int numItems;

    /** Scores from the tables themselves (not copied: the caller must not change them while it ranks). */
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

    @Override
    public Ranking prepare(int maxK, int blockSize, Workers workers) {
        return new BlockedRanking(this, maxK, blockSize, workers);
    }
}
