package io.github.lightgcn.internal.eval;

import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Metric values computed by hand. */
class EvaluatorTest {

    private static final double EPS = 1e-12;

    /** Scores given row by row (user × item). */
    private static Scorer fixed(float[][] scores) {
        return new Scorer() {
            @Override
            public int numItems() { return scores[0].length; }

            @Override
            public void scoreBlock(int[] users, int from, int to, float[] out) {
                for (int r = 0; r < to - from; r++) {
                    System.arraycopy(scores[users[from + r]], 0, out, r * numItems(), numItems());
                }
            }
        };
    }

    private static Metrics evaluate(float[][] scores, InteractionGraph train, InteractionGraph test, int... ks) {
        try (Workers w = new Workers(2)) {
            return new Evaluator(ks, 1, w).evaluate(fixed(scores), train, test);
        }
    }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }

    @Test
    void moreTestItemsThanK() {
        // one user, 6 items ranked 0 > 1 > ... > 5; relevant {0, 2, 4, 5}; K = 2 → 1 hit at rank 1
        float[][] s = {{6, 5, 4, 3, 2, 1}};
        InteractionGraph train = InteractionGraph.empty(1, 6);
        InteractionGraph test = InteractionGraph.fromPairs(1, 6, new int[]{0, 0, 0, 0}, new int[]{0, 2, 4, 5});
        Metrics m = evaluate(s, train, test, 2, 3);
        assertEquals(1.0 / 4, m.recall(2), EPS);
        assertEquals(1.0 / 2, m.precision(2), EPS);
        assertEquals(1.0 / (1 + 1 / log2(3)), m.ndcg(2), EPS); // ideal over min(4, 2) = 2 positions
        assertEquals(1.0, m.hitRate(2), EPS);
        // K = 3: hits at ranks 1 and 3
        assertEquals(2.0 / 4, m.recall(3), EPS);
        assertEquals(2.0 / 3, m.precision(3), EPS);
        assertEquals((1 + 1 / log2(4)) / (1 + 1 / log2(3) + 1 / log2(4)), m.ndcg(3), EPS);
    }

    @Test
    void trainingItemThatWouldRankFirstIsMasked() {
        // item 0 scores highest but is a training item; it must not take a top slot nor count as a hit
        float[][] s = {{9, 1, 8, 2}};
        InteractionGraph train = InteractionGraph.fromPairs(1, 4, new int[]{0}, new int[]{0});
        InteractionGraph test = InteractionGraph.fromPairs(1, 4, new int[]{0, 0}, new int[]{0, 1});
        Metrics m = evaluate(s, train, test, 1, 2);
        // ranking without item 0: 2, 3, 1 → no hit at K 1 or 2
        assertEquals(0.0, m.recall(1), EPS);
        assertEquals(0.0, m.recall(2), EPS);
        Metrics m3 = evaluate(s, train, test, 3);
        assertEquals(0.5, m3.recall(3), EPS); // item 1 at rank 3; item 0 can never be a hit
        assertEquals((1 / log2(4)) / (1 + 1 / log2(3)), m3.ndcg(3), EPS);
    }

    @Test
    void idealDcgUsesMinOfRelevantAndK() {
        // one relevant item at rank 2: DCG = 1/log2(3), IDCG over min(1, 5) = 1 position = 1
        float[][] s = {{5, 4, 3, 2, 1, 0}};
        InteractionGraph test = InteractionGraph.fromPairs(1, 6, new int[]{0}, new int[]{1});
        Metrics m = evaluate(s, InteractionGraph.empty(1, 6), test, 5);
        assertEquals(1 / log2(3), m.ndcg(5), EPS);
        assertEquals(1.0, m.recall(5), EPS);
        assertEquals(0.2, m.precision(5), EPS);
    }

    @Test
    void averagesOverUsersWithTestItemsOnlyIncludingUsersWithoutTrainingItems() {
        // user 0: hit at rank 1 (recall 1); user 1: no test items (ignored); user 2: no train items, miss (recall 0)
        float[][] s = {{3, 2, 1}, {3, 2, 1}, {3, 2, 1}};
        InteractionGraph train = InteractionGraph.fromPairs(3, 3, new int[]{0, 1}, new int[]{2, 0});
        InteractionGraph test = InteractionGraph.fromPairs(3, 3, new int[]{0, 2}, new int[]{0, 2});
        Metrics m = evaluate(s, train, test, 1);
        assertEquals(2, m.numUsers());
        assertEquals(0.5, m.recall(1), EPS);
        assertEquals(0.5, m.hitRate(1), EPS);
    }

    @Test
    void tiesAreBrokenByLowerItemId() {
        float[][] s = {{1, 1, 1, 1}};
        InteractionGraph test = InteractionGraph.fromPairs(1, 4, new int[]{0}, new int[]{1});
        Metrics m = evaluate(s, InteractionGraph.empty(1, 4), test, 1, 2);
        assertEquals(0.0, m.recall(1), EPS);
        assertEquals(1.0, m.recall(2), EPS);
    }

    @Test
    void popularityBaselineRecommendsMostPopularUnseenItems() {
        // item popularity in train: item 2 (3 users), item 1 (2), item 0 (1), item 3 (0)
        InteractionGraph train = InteractionGraph.fromPairs(4, 4,
                new int[]{0, 1, 2, 1, 2, 3}, new int[]{2, 2, 2, 1, 1, 0});
        // user 0 has seen item 2 → its top-1 is item 1 (hit); user 3 has seen item 0 → top-1 item 2 (miss)
        InteractionGraph test = InteractionGraph.fromPairs(4, 4, new int[]{0, 3}, new int[]{1, 3});
        try (Workers w = new Workers(1)) {
            Metrics m = new Evaluator(new int[]{1}, 2, w).evaluate(new PopularityScorer(train), train, test);
            assertEquals(0.5, m.recall(1), EPS);
        }
    }

    @Test
    void resultDoesNotDependOnBlockSizeOrThreads() {
        java.util.Random r = new java.util.Random(1);
        int users = 37, items = 50;
        float[][] s = new float[users][items];
        for (float[] row : s) for (int i = 0; i < items; i++) row[i] = r.nextFloat();
        InteractionGraph train = io.github.lightgcn.testing.Graphs.random(users, items, 0.1, 2);
        InteractionGraph test = io.github.lightgcn.testing.Graphs.random(users, items, 0.1, 3);
        Metrics a, b;
        try (Workers w1 = new Workers(1); Workers w2 = new Workers(2)) {
            a = new Evaluator(new int[]{5, 10}, 64, w1).evaluate(fixed(s), train, test);
            b = new Evaluator(new int[]{10, 5}, 3, w2).evaluate(fixed(s), train, test);
        }
        assertEquals(a.asMap(), b.asMap());
    }

    @Test
    void mapAndMrrByHand() {
        // one user, ranking 0 > 1 > 2 > 3 > 4 > 5, relevant {0, 2, 4, 5}
        float[][] s = {{6, 5, 4, 3, 2, 1}};
        InteractionGraph test = InteractionGraph.fromPairs(1, 6, new int[]{0, 0, 0, 0}, new int[]{0, 2, 4, 5});
        Metrics m = evaluate(s, InteractionGraph.empty(1, 6), test, 1, 2, 3, 6);
        // K = 1: hit at rank 1: precision@1 = 1, over min(4, 1) = 1
        assertEquals(1.0, m.map(1), EPS);
        assertEquals(1.0, m.mrr(1), EPS);
        // K = 2: the hit at rank 1 only: 1 / min(4, 2)
        assertEquals(0.5, m.map(2), EPS);
        // K = 3: hits at ranks 1 and 3: (1 + 2/3) / min(4, 3)
        assertEquals((1 + 2.0 / 3) / 3, m.map(3), EPS);
        assertEquals(1.0, m.mrr(3), EPS);
        // K = 6: hits at ranks 1, 3, 5, 6: (1 + 2/3 + 3/5 + 4/6) / min(4, 6)
        assertEquals((1 + 2.0 / 3 + 3.0 / 5 + 4.0 / 6) / 4, m.map(6), EPS);
    }

    @Test
    void mapAndMrrAfterMaskingAndAveragedOverUsers() {
        // user 0: item 0 (best) is a training item, so the ranking is 2 > 3 > 1; relevant {1}: first hit at rank 3
        // user 1: ranking 3 > 2 > 1 > 0; relevant {2, 0}: hits at ranks 2 and 4
        float[][] s = {{9, 1, 8, 2}, {1, 2, 3, 4}};
        InteractionGraph train = InteractionGraph.fromPairs(2, 4, new int[]{0}, new int[]{0});
        InteractionGraph test = InteractionGraph.fromPairs(2, 4, new int[]{0, 1, 1}, new int[]{1, 2, 0});
        Metrics m = evaluate(s, train, test, 2, 3, 4);
        // K = 2: user 0 no hit (0); user 1 hit at 2: (1/2) / min(2, 2) = 1/4; MRR 0 and 1/2
        assertEquals((0 + 0.25) / 2, m.map(2), EPS);
        assertEquals((0 + 0.5) / 2, m.mrr(2), EPS);
        // K = 3: user 0 hit at 3: (1/3) / min(1, 3); user 1 still 1/4; MRR 1/3 and 1/2
        assertEquals((1.0 / 3 + 0.25) / 2, m.map(3), EPS);
        assertEquals((1.0 / 3 + 0.5) / 2, m.mrr(3), EPS);
        // K = 4: user 1 (1/2 + 2/4) / min(2, 4) = 1/2
        assertEquals((1.0 / 3 + 0.5) / 2, m.map(4), EPS);
        assertEquals(2, m.numUsers());
    }

    @Test
    void theListenerHearsIncreasingCountsOneAtATimeUpToTheTotal() {
        java.util.Random r = new java.util.Random(3);
        int users = 101, items = 20;
        float[][] s = new float[users][items];
        for (float[] row : s) for (int i = 0; i < items; i++) row[i] = r.nextFloat();
        InteractionGraph test = io.github.lightgcn.testing.Graphs.random(users, items, 0.2, 5);
        java.util.List<Integer> heard = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        try (Workers w = new Workers(3)) {
            new Evaluator(new int[]{5}, 4, w).evaluate(fixed(s), InteractionGraph.empty(users, items), test,
                    (done, total) -> {
                        assertEquals(1, inside.incrementAndGet(), "two calls at once");
                        assertEquals(test.activeUsers(), total);
                        heard.add(done);
                        inside.decrementAndGet();
                    });
        }
        assertFalse(heard.isEmpty());
        for (int i = 1; i < heard.size(); i++) assertTrue(heard.get(i) > heard.get(i - 1), heard.toString());
        assertEquals(test.activeUsers(), (int) heard.getLast());
    }
}
