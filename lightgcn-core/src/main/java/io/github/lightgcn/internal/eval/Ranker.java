package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.concurrent.Workers;

/**
 * Anything that can put items in order for users: the one abstraction evaluation and batch recommendation rank
 * through. Each ranker says itself how it ranks fastest ({@link #prepare}), so a caller never tests for a
 * concrete type, and wrapping a ranker cannot silently send it down a slower path.
 */
public interface Ranker {

    /** The number of items ranked. */
    int numItems();

    /**
     * A ranking of up to {@code maxK} items per user, ready to rank any number of user lists.
     *
     * @param blockSize users ranked together by one task (≥ 1)
     * @param workers   the threads the ranking runs on
     */
    Ranking prepare(int maxK, int blockSize, Workers workers);
}
