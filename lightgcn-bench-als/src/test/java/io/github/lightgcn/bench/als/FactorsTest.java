package io.github.lightgcn.bench.als;

import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hand-made factorisation scored through our evaluator against recall and NDCG worked out by hand. */
class FactorsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /**
     * Rank 2, 3 users x 4 items. Spark-like rows: user 2 and item 2 have none (zero vectors). Training: user 0 has
     * item 0, user 1 item 1, user 2 nothing. Scores at K 2 (training items masked):
     * <pre>
     * user 0 = (1, 0): item 1 = 3, item 3 = 2, item 2 = 0      top 2: 1, 3   test {1, 2}: hit at 1
     * user 1 = (0, 1): item 3 = 3, item 0 = 1, item 2 = 0      top 2: 3, 0   test {2, 3}: hit at 1
     * user 2 = zero:   every item 0, ties by lower index       top 2: 0, 1   test {1}:    hit at 2
     * </pre>
     */
    @Test
    void scoresAHandMadeFactorisationAsWorkedOutByHand() {
        int rank = 2;
        float[] users = Factors.table(3, rank, new int[]{1, 0}, new float[][]{{0, 1}, {1, 0}});
        float[] items = Factors.table(4, rank, new int[]{3, 0, 1}, new float[][]{{2, 3}, {4, 1}, {3, 0}});
        InteractionGraph train = InteractionGraph.fromPairs(3, 4, new int[]{0, 1}, new int[]{0, 1});
        InteractionGraph test = InteractionGraph.fromPairs(3, 4, new int[]{0, 0, 1, 1, 2}, new int[]{1, 2, 2, 3, 1});

        Metrics m = new Factors(rank, users, items).evaluate(train, test, EvaluationOptions.atK(2), Map.of());

        double firstOfTwo = 1 / (1 + 1 / LOG2_3); // one hit at rank 1 of two relevant items
        double secondOfOne = 1 / LOG2_3;          // the one relevant item at rank 2
        assertEquals(3, m.numUsers());
        assertEquals((0.5 + 0.5 + 1) / 3, m.recall(2), 1e-12);
        assertEquals((firstOfTwo + firstOfTwo + secondOfOne) / 3, m.ndcg(2), 1e-12);
        assertEquals(0.5, m.precision(2), 1e-12);
    }

    @Test
    void aTableHasZeroRowsForIdsWithoutFactors() {
        float[] table = Factors.table(3, 2, new int[]{2, 0}, new float[][]{{5, 6}, {1, 2}});
        assertArrayEquals(new float[]{1, 2, 0, 0, 5, 6}, table);
    }

    @Test
    void aTableRefusesIdsOutsideTheUniverseTwiceOrRowsOfAnotherRank() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Factors.table(3, 2, new int[]{3}, new float[][]{{1, 2}})).getMessage()
                .contains("outside [0, 3)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Factors.table(3, 2, new int[]{1, 1}, new float[][]{{1, 2}, {3, 4}})).getMessage()
                .contains("two factor rows"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Factors.table(3, 2, new int[]{1}, new float[][]{{1, 2, 3}})).getMessage()
                .contains("not rank 2"));
    }

    @Test
    void tablesThatDoNotFitTheTrainingUniverseAreRefused() {
        Factors f = new Factors(2, new float[4], new float[8]); // 2 users, 4 items
        InteractionGraph train = InteractionGraph.fromPairs(3, 4, new int[]{0}, new int[]{0});
        assertThrows(IllegalArgumentException.class,
                () -> f.evaluate(train, train, EvaluationOptions.atK(2), Map.of()));
    }
}
