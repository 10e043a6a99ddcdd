package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.concurrent.Workers;

/**
 * Scores every item for a block of users; implementations must be safe to call from several threads at once.
 * Ranked by default through {@link DenseRanking} (a score row per user, then selection); a scorer with a faster
 * way to rank overrides {@link #prepare}.
 */
public interface Scorer extends Ranker {

    /**
     * Writes the scores of {@code users[from..to)} against all items into {@code out}, row-major
     * ({@code (to - from) × numItems}).
     */
    void scoreBlock(int[] users, int from, int to, float[] out);

    @Override
    default Ranking prepare(int maxK, int blockSize, Workers workers) {
        return new DenseRanking(this, maxK, blockSize, workers);
    }
}
