package io.github.lightgcn.internal.eval;

import io.github.lightgcn.graph.InteractionGraph;

/**
 * Top-K lists of users, prepared by a {@link Ranker}. Every implementation orders by score (higher first), ties
 * broken by the lower item id, NaN scores never listed, so two rankings of the same scores give the same lists.
 * Safe for concurrent {@link #rank} calls only when its workers are (one {@code run} at a time per Workers).
 */
public interface Ranking {

    /** Receives one user's list; called from worker threads, once per listed user. */
    interface Sink {
        /**
         * @param user     the user's index
         * @param position the user's position in the list passed to {@link #rank}
         * @param items    the user's list, best first, in {@code items[0..found)} (scratch: copy what you keep)
         * @param scores   their scores, alike
         */
        void accept(int user, int position, int[] items, float[] scores, int found);
    }

    /** How this ranking works, for the log line that says which path ran (e.g. {@code blocked SIMD ranking}). */
    String method();

    /** The most items a list can hold. */
    int maxK();

    /**
     * Ranks every user of {@code users} (blocks of users in parallel).
     *
     * @param mask     each user's items that are never listed (training items), or null for none
     * @param excluded items never listed for anyone ({@code excluded[item]}), or null for none
     */
    void rank(int[] users, InteractionGraph mask, boolean[] excluded, Sink sink);
}
