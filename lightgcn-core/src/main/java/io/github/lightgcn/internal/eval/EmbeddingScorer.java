package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.ScoringKernels;
import io.github.lightgcn.internal.simd.VectorOps;
import io.github.lightgcn.internal.simd.VectorizationProvider;

/**
 * Scores by dot product of user and item embedding rows (flat row-major tables of the same dimension), ranked by
 * {@link BlockedRanking}: the same lists as scoring every item one by one, several times faster. The ranking runs
 * on the scoring kernels it is given; the scores are the same bit for bit on any of them.
 */
public final class EmbeddingScorer implements Scorer {

    private final float[] users;
    private final float[] items;
    private final int dim;
    private final int numItems;
    private final ScoringKernels scoring;

    /**
     * Scores from the tables themselves (not copied: the caller must not change them while it ranks), ranked on
     * {@code scoring}.
     */
    public EmbeddingScorer(float[] userEmbeddings, float[] itemEmbeddings, int dim, ScoringKernels scoring) {
        this.users = userEmbeddings;
        this.items = itemEmbeddings;
        this.dim = dim;
        this.numItems = itemEmbeddings.length / dim;
        this.scoring = scoring;
    }

    /**
     * The same on this JVM's scoring kernels ({@link VectorizationProvider}), for callers outside the library's
     * internals (the model's queries, the command line).
     */
    public EmbeddingScorer(float[] userEmbeddings, float[] itemEmbeddings, int dim) {
        this(userEmbeddings, itemEmbeddings, dim, VectorizationProvider.kernels().scoring());
    }

    @Override
    public int numItems() { return numItems; }

    int dim() { return dim; }

    float[] userTable() { return users; }

    float[] itemTable() { return items; }

    ScoringKernels scoring() { return scoring; }

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
