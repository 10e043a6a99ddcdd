package io.github.lightgcn.internal.eval;

/** Scores every item for a block of users; implementations must be safe to call from several threads at once. */
public interface Scorer {

    int numItems();

    /**
     * Writes the scores of {@code users[from..to)} against all items into {@code out}, row-major
     * ({@code (to - from) × numItems}).
     */
    void scoreBlock(int[] users, int from, int to, float[] out);
}
