package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.eval.PopularityScorer;
import io.github.lightgcn.internal.eval.QueryScorer;
import io.github.lightgcn.internal.eval.TopK;
import io.github.lightgcn.internal.foldin.GradientFoldIn;
import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.internal.simd.VectorOps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One recommendation request: a known user, an arbitrary user vector, a new user folded in from likes, or an
 * unknown user's cold start. A user vector is scored against every candidate item with the sequential float dot
 * product, and the best k kept in (score, then lower index) order: exactly the lists a batch ranks, whatever path.
 */
final class Recommender {

    private static final int[] NONE = {};

    private Recommender() {}

    /** A known user's list (index already checked). */
    static List<ScoredItem> forUser(LightGCNModel m, int user, RecommendOptions o) {
        if (user < 0 || user >= m.numUsers()) {
            throw new IllegalArgumentException("user " + user + " is out of range [0, " + m.numUsers() + ")");
        }
        int[] seen = NONE;
        int from = 0, to = 0;
        if (o.excludeTrainingItems()) {
            InteractionGraph train = m.trainGraph();
            seen = GraphArrays.userItems(train);
            from = GraphArrays.userOffsets(train)[user];
            to = GraphArrays.userOffsets(train)[user + 1];
        }
        return rank(m, m.userTable(), user * m.dim(), o, seen, from, to);
    }

    /** The list of a user vector, {@code sortedExcluded} (ascending) left out as well as what the options say. */
    static List<ScoredItem> forVector(LightGCNModel m, float[] userVector, RecommendOptions o, int[] sortedExcluded) {
        if (userVector.length != m.dim()) {
            throw new IllegalArgumentException("user vector has " + userVector.length + " values, the model has dim "
                    + m.dim());
        }
        return rank(m, userVector, 0, o, sortedExcluded, 0, sortedExcluded.length);
    }

    /** A user key the model does not hold: the options' cold-start strategy decides. */
    static List<ScoredItem> coldStart(LightGCNModel m, String userKey, RecommendOptions o) {
        if (o.coldStart() == ColdStartStrategy.FAIL) throw unknownUsers(m, List.of(userKey));
        return popular(m, o);
    }

    static UnknownKeyException unknownUsers(LightGCNModel m, List<String> keys) {
        return new UnknownKeyException("user", keys, UnknownKeyException.count(m.numUsers(), "user"), "for users "
                + "outside the training data use "
                + "ColdStartStrategy.POPULARITY, or recommendForNewUser with the items they like");
    }

    /** The most popular training items the options allow, most popular first. */
    static List<ScoredItem> popular(LightGCNModel m, RecommendOptions o) {
        int[] candidates = o.candidateIndexes(m.itemKeys());
        IntPredicate exclude = o.filter();
        PopularityScorer popularity = m.cache.popularity.get();
        List<ScoredItem> out = new ArrayList<>(Math.min(o.k(), m.numItems()));
        for (int item : popularity.order()) {
            if (out.size() == o.k()) break;
            if (candidates != null && Arrays.binarySearch(candidates, item) < 0) continue;
            if (exclude != null && exclude.test(item)) continue;
            out.add(new ScoredItem(item, popularity.score(item), m.itemKeys()));
        }
        return Collections.unmodifiableList(out);
    }

    /** A new user from liked item indexes (repeats ignored, first occurrence kept), the liked items left out. */
    static NewUserRecommendations forNewUser(LightGCNModel m, int[] likedItems, RecommendOptions o) {
        Set<Integer> distinct = new LinkedHashSet<>();
        for (int item : likedItems) {
            if (item < 0 || item >= m.numItems()) {
                throw new IllegalArgumentException("liked item " + item + " is out of range [0, " + m.numItems() + ")");
            }
            distinct.add(item);
        }
        if (distinct.isEmpty()) {
            if (o.coldStart() == ColdStartStrategy.POPULARITY) return new NewUserRecommendations(popular(m, o), null);
            throw new IllegalArgumentException("likedItems must name at least one item (or choose "
                    + "ColdStartStrategy.POPULARITY for users who like nothing yet)");
        }
        int[] liked = distinct.stream().mapToInt(Integer::intValue).toArray();
        float[] u = FoldIn.userVector(m, liked);
        if (o.foldIn() == FoldInMethod.GRADIENT) {
            String layers = m.provenance().config().get("layers");
            u = GradientFoldIn.userVector(m.itemTable(), m.dim(), layers == null ? 3 : Integer.parseInt(layers), u,
                    liked, new GradientFoldIn.Settings(FoldInMethod.STEPS, FoldInMethod.LEARNING_RATE, FoldInMethod.L2,
                            FoldInMethod.SEED));
        }
        int[] sorted = liked.clone();
        Arrays.sort(sorted);
        return new NewUserRecommendations(forVector(m, u, o, sorted), u);
    }

    private static List<ScoredItem> rank(LightGCNModel m, float[] query, int queryOffset, RecommendOptions o,
                                         int[] skip, int from, int to) {
        int numItems = m.numItems(), dim = m.dim();
        float[] items = m.itemTable();
        int[] candidates = o.candidateIndexes(m.itemKeys());
        IntPredicate exclude = o.filter();
        TopK top = new TopK(Math.min(o.k(), Math.max(1, numItems)));
        int n = candidates == null ? numItems : candidates.length;
        // every item: all scores at once through the SIMD tile (the same bits as one dot product at a time)
        QueryScorer all = candidates == null ? m.cache.queries.get() : null;
        float[] allScores = all == null ? null : all.scores(query, queryOffset);
        int next = from; // all items come in ascending order: walk the sorted skip list beside them
        for (int p = 0; p < n; p++) {
            int item = candidates == null ? p : candidates[p];
            if (candidates == null) {
                while (next < to && skip[next] < item) next++;
                if (next < to && skip[next] == item) continue;
            } else if (from < to && Arrays.binarySearch(skip, from, to, item) >= 0) {
                continue;
            }
            if (exclude != null && exclude.test(item)) continue;
            float score = allScores != null ? allScores[item]
                    : VectorOps.dot(query, queryOffset, items, item * dim, dim);
            top.offer(item, score);
        }
        int[] best = new int[top.size()];
        float[] scores = new float[top.size()];
        int found = top.drainBestFirst(best, scores);
        return scored(m, best, scores, 0, found);
    }

    /** {@code items[from..from+count)} with their scores, as an unmodifiable list. */
    static List<ScoredItem> scored(LightGCNModel m, int[] items, float[] scores, int from, int count) {
        ScoredItem[] out = new ScoredItem[count];
        for (int r = 0; r < count; r++) out[r] = new ScoredItem(items[from + r], scores[from + r], m.itemKeys());
        return Collections.unmodifiableList(Arrays.asList(out));
    }
}
