package io.github.lightgcn;

import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Ranking;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Recommendations for many users at once through the ranking evaluation uses (blocks of users against tiles of
 * items, SIMD scoring, vector pre-filter), so a batch costs about what a full-ranking evaluation costs. Users are
 * ranked a chunk at a time (blocks in parallel) and handed to the consumer on the caller's thread in list order,
 * so memory holds one chunk's lists, never all of them. The lists are exactly those of one-by-one requests.
 */
final class BatchRecommender {

    /** Blocks per thread in one chunk: enough that the wait at each chunk's end is a few percent. */
    private static final int BLOCKS_PER_THREAD = 16;
    /** At most this many list entries (item + score) buffered per chunk. */
    private static final int MAX_CHUNK_ENTRIES = 1 << 22;

    private BatchRecommender() {}

    /** The users of these indexes (each in range), in order. */
    static void forIndexes(LightGCNModel m, int[] users, RecommendOptions o, Consumer<UserRecommendations> consumer) {
        for (int u : users) {
            if (u < 0 || u >= m.numUsers()) {
                throw new IllegalArgumentException("user " + u + " is out of range [0, " + m.numUsers() + ")");
            }
        }
        run(m, users, p -> m.userKeys().key(users[p]), o, consumer);
    }

    /** The users of these keys, in order; unknown keys as the options' cold-start strategy says. */
    static void forKeys(LightGCNModel m, List<String> keys, RecommendOptions o, Consumer<UserRecommendations> consumer) {
        List<String> copy = List.copyOf(keys);
        run(m, KeyLookup.users(m, copy, o.coldStart()), copy::get, o, consumer);
    }

    /** As {@link #forKeys(LightGCNModel, List, RecommendOptions, Consumer)}, for long keys. */
    static void forKeys(LightGCNModel m, long[] keys, RecommendOptions o, Consumer<UserRecommendations> consumer) {
        long[] copy = keys.clone();
        run(m, KeyLookup.users(m, copy, o.coldStart()), p -> Long.toString(copy[p]), o, consumer);
    }

    /**
     * @param users   user indexes, -1 for a key the model does not know (its list: popularity; the caller has
     *                already applied {@link ColdStartStrategy#FAIL})
     * @param keyOf   the key of the user at a position of {@code users}
     */
    private static void run(LightGCNModel m, int[] users, IntFunction<String> keyOf, RecommendOptions o,
                            Consumer<UserRecommendations> consumer) {
        int k = Math.min(o.k(), Math.max(1, m.numItems()));
        List<ScoredItem> popular = null;
        for (int u : users) if (u < 0 && popular == null) popular = Recommender.popular(m, o);
        if (users.length == 0) return;
        if (m.numItems() == 0) {
            for (int p = 0; p < users.length; p++) {
                consumer.accept(new UserRecommendations(users[p], keyOf.apply(p), List.of()));
            }
            return;
        }
        boolean[] excluded = excludedItems(m, o);
        int block = EvaluationOptions.DEFAULT_BLOCK_SIZE;
        int chunk = Math.max(block, Math.min(block * o.threads() * BLOCKS_PER_THREAD, MAX_CHUNK_ENTRIES / k));
        int[] items = new int[chunk * k];
        float[] scores = new float[chunk * k];
        int[] found = new int[chunk];
        int[] ids = new int[chunk], slot = new int[chunk];
        try (Workers workers = new Workers(o.threads())) {
            Ranking ranking = new EmbeddingScorer(m.userTable(), m.itemTable(), m.dim()).prepare(k, block, workers);
            for (int c0 = 0; c0 < users.length; c0 += chunk) {
                int c1 = Math.min(users.length, c0 + chunk), known = 0;
                for (int p = c0; p < c1; p++) {
                    if (users[p] >= 0) {
                        ids[known] = users[p];
                        slot[known++] = p - c0;
                    }
                }
                ranking.rank(Arrays.copyOf(ids, known), o.excludeTrainingItems() ? m.trainGraph() : null, excluded,
                        (user, position, top, topScores, n) -> {
                            int s = slot[position];
                            System.arraycopy(top, 0, items, s * k, n);
                            System.arraycopy(topScores, 0, scores, s * k, n);
                            found[s] = n;
                        });
                for (int p = c0; p < c1; p++) {
                    List<ScoredItem> list = users[p] < 0 ? popular
                            : Recommender.scored(m, items, scores, (p - c0) * k, found[p - c0]);
                    consumer.accept(new UserRecommendations(users[p], keyOf.apply(p), list));
                }
            }
        }
    }

    /** The items no list may hold (not a candidate, or filtered out), or null when every item may appear. */
    private static boolean[] excludedItems(LightGCNModel m, RecommendOptions o) {
        int[] candidates = o.candidateIndexes(m.itemKeys());
        IntPredicate exclude = o.filter();
        if (candidates == null && exclude == null) return null;
        boolean[] excluded = new boolean[m.numItems()];
        if (candidates != null) {
            Arrays.fill(excluded, true);
            for (int i : candidates) excluded[i] = false;
        }
        if (exclude != null) for (int i = 0; i < excluded.length; i++) if (!excluded[i]) excluded[i] = exclude.test(i);
        return excluded;
    }
}
