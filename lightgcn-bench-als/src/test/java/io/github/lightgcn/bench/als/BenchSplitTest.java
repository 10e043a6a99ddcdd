package io.github.lightgcn.bench.als;

import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.PopularityBaseline;
import io.github.lightgcn.graph.InteractionGraph;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchSplitTest {

    /** User u has u + 1 items (user 0 one, user 24 twenty-five), over 40 items. */
    private static InteractionGraph staircase() {
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < 25; u++) for (int j = 0; j <= u; j++) pairs.add(new int[]{u, (7 * u + 3 * j) % 40});
        return InteractionGraph.fromPairs(25, 40, pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray());
    }

    @Test
    void theHoldoutTakesATenthOfEachUsersItemsAtLeastOneAndKeepsTheRest() {
        InteractionGraph train = staircase();
        InteractionGraph[] parts = BenchSplit.holdout(train, 0.1, 42);
        InteractionGraph fit = parts[0], val = parts[1];
        assertEquals(train.numUsers(), val.numUsers());
        assertEquals(train.numItems(), val.numItems());
        for (int u = 0; u < train.numUsers(); u++) {
            int k = train.userDegree(u);
            int expected = k < 2 ? 0 : Math.max(1, (int) Math.floor(0.1 * k));
            assertEquals(expected, val.userDegree(u), "user " + u + " of " + k);
            assertEquals(k - expected, fit.userDegree(u));
            for (int i : val.itemsOf(u)) {
                assertTrue(train.contains(u, i));
                assertTrue(!fit.contains(u, i), "pair (" + u + ", " + i + ") in both parts");
            }
            for (int i : fit.itemsOf(u)) assertTrue(train.contains(u, i));
        }
    }

    @Test
    void theHoldoutDependsOnTheSeedOnly() {
        InteractionGraph train = staircase();
        InteractionGraph[] a = BenchSplit.holdout(train, 0.1, 42), b = BenchSplit.holdout(train, 0.1, 42);
        assertEquals(a[1].fingerprint(), b[1].fingerprint());
        assertEquals(a[0].fingerprint(), b[0].fingerprint());
        assertNotEquals(a[1].fingerprint(), BenchSplit.holdout(train, 0.1, 43)[1].fingerprint());
    }

    /** The check of ALS.md: popularity through the benchmark's reading of MAL is the reference's, to 5 digits. */
    @Test
    void malsPopularityIsTheReferenceFigure() throws IOException {
        Path shared = SharedFolder.requiring("data/mal/split/train.csv");
        BenchSplit mal = BenchSplit.load(BenchSplit.Name.MAL, shared, 42);
        assertSame(mal.train(), mal.fitTrain());
        assertEquals(9_747, mal.validation().numEdges());
        Metrics m = PopularityBaseline.evaluate(mal.train(), mal.test(), EvaluationOptions.atK(20));
        assertEquals(0.14730, m.recall(20), 5e-6);
        assertEquals(0.11867, m.ndcg(20), 5e-6);
    }

    @Test
    void lastFmsValidationIsAHoldoutOfTrain() throws IOException {
        Path shared = SharedFolder.requiring("data/lastfm-lgcn/data1.txt");
        BenchSplit lastfm = BenchSplit.load(BenchSplit.Name.LASTFM, shared, 42);
        assertEquals(1_892, lastfm.train().numUsers());
        assertEquals(4_489, lastfm.train().numItems());
        assertEquals(42_135, lastfm.train().numEdges());
        assertEquals(lastfm.train().numEdges(), lastfm.fitTrain().numEdges() + lastfm.validation().numEdges());
        assertEquals(10_533, lastfm.test().numEdges());
    }

    @Test
    void splitNamesParseAndBadOnesNameTheOption() {
        assertEquals(BenchSplit.Name.GOWALLA, BenchSplit.Name.parse("gowalla"));
        assertEquals("--split must be mal, lastfm or gowalla, got 'yelp'",
                assertThrows(IllegalArgumentException.class, () -> BenchSplit.Name.parse("yelp")).getMessage());
    }
}
