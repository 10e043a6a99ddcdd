package io.github.lightgcn.queries;

import io.github.lightgcn.ColdStartStrategy;
import io.github.lightgcn.FoldInMethod;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.NewUserRecommendations;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.UnknownKeyException;
import io.github.lightgcn.internal.foldin.GradientFoldIn;
import io.github.lightgcn.testing.Models;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A user outside the training data, folded in from liked items: by key or index, against the written-out formula. */
class NewUserTest {

    static final LightGCNModel MODEL = Models.random(30, 50, 8, 0.2, 9, false);

    /** u = Σ e_i / sqrt(|likes| · max(1, d_i)), in double: the formula, independently. */
    static double[] formula(LightGCNModel m, int... liked) {
        double[] u = new double[m.dim()];
        for (int i : liked) {
            float[] e = m.itemEmbedding(i);
            double w = 1 / Math.sqrt((double) liked.length * Math.max(1, m.trainGraph().itemDegree(i)));
            for (int k = 0; k < u.length; k++) u[k] += w * e[k];
        }
        return u;
    }

    @Test
    void foldedInVectorFollowsTheFormulaAndTheLikedItemsAreLeftOut() {
        int[] liked = {7, 2, 31, 44};
        NewUserRecommendations r = MODEL.recommendForNewUserByIndex(liked, RecommendOptions.builder().k(12)
                .foldIn(FoldInMethod.PROPAGATION).build());
        assertTrue(r.hasUserVector());
        float[] u = r.userVector();
        double[] expected = formula(MODEL, liked);
        for (int k = 0; k < u.length; k++) assertEquals(expected[k], u[k], 1e-5);
        assertEquals(12, r.items().size());
        for (ScoredItem s : r.items()) {
            for (int i : liked) assertNotEquals(i, s.item());
            assertEquals(Models.dot(u, 0, MODEL.itemEmbeddings(), s.item() * MODEL.dim(), MODEL.dim()), s.score(), 0f);
        }
        // the list is the vector's, with the liked items excluded
        assertEquals(r.items(), MODEL.recommendForVector(u, RecommendOptions.builder().k(12)
                .exclude(i -> i == 7 || i == 2 || i == 31 || i == 44).build()));
        u[0] = 1e9f; // a copy
        assertNotEquals(1e9f, r.userVector()[0]);
    }

    @Test
    void gradientFitsTheEgoEmbeddingFromThePropagatedStart() {
        int[] liked = {7, 2, 31, 44, 13};
        assertEquals(FoldInMethod.PROPAGATION, RecommendOptions.top(1).foldIn());
        RecommendOptions gradient = RecommendOptions.builder().k(12).foldIn(FoldInMethod.GRADIENT).build();
        NewUserRecommendations r = MODEL.recommendForNewUserByIndex(liked, gradient);
        float[] f = MODEL.recommendForNewUserByIndex(liked, RecommendOptions.builder().k(1)
                .foldIn(FoldInMethod.PROPAGATION).build()).userVector();
        // the documented settings; the fit itself is checked against finite differences in GradientFoldInTest
        float[] expected = GradientFoldIn.userVector(MODEL.itemEmbeddings(), MODEL.dim(), 3, f, liked,
                new GradientFoldIn.Settings(FoldInMethod.STEPS, FoldInMethod.LEARNING_RATE, FoldInMethod.L2,
                        FoldInMethod.SEED));
        assertArrayEquals(expected, r.userVector());
        assertEquals(r.items(), MODEL.recommendForVector(r.userVector(), RecommendOptions.builder().k(12)
                .exclude(i -> i == 7 || i == 2 || i == 31 || i == 44 || i == 13).build()));
        // fitted to the likes: they rank higher among all items than under the fitting-free formula
        assertTrue(meanRank(r.userVector(), liked) < meanRank(f, liked),
                meanRank(r.userVector(), liked) + " vs " + meanRank(f, liked));
        assertArrayEquals(r.userVector(), MODEL.recommendForNewUserByIndex(liked, gradient).userVector()); // seeded
        assertArrayEquals(f, MODEL.recommendForNewUserByIndex(liked, RecommendOptions.top(1)).userVector());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RecommendOptions.builder().foldIn(null))
                .getMessage().startsWith("foldIn must be"));
        assertEquals(FoldInMethod.GRADIENT, gradient.toBuilder().build().foldIn());
    }

    /** The mean 0-based rank of {@code liked} among all items scored by {@code u}. */
    private static double meanRank(float[] u, int[] liked) {
        int d = MODEL.dim();
        float[] items = MODEL.itemEmbeddings();
        double sum = 0;
        for (int i : liked) {
            float s = Models.dot(u, 0, items, i * d, d);
            for (int j = 0; j < MODEL.numItems(); j++) if (Models.dot(u, 0, items, j * d, d) > s) sum++;
        }
        return sum / liked.length;
    }

    @Test
    void keysIndexesAndRepeatsGiveTheSameAnswer() {
        RecommendOptions o = RecommendOptions.builder().k(6).exclude(i -> i % 5 == 0).build();
        NewUserRecommendations byIndex = MODEL.recommendForNewUserByIndex(new int[]{3, 9, 12}, o);
        assertEquals(byIndex.items(), MODEL.recommendForNewUser(List.of("3", "9", "12"), o).items());
        assertEquals(byIndex.items(), MODEL.recommendForNewUser(new long[]{3, 9, 12}, o).items());
        assertEquals(byIndex.items(), MODEL.recommendForNewUserByIndex(new int[]{3, 9, 3, 12, 9}, o).items());
        assertArrayEquals(byIndex.userVector(), MODEL.recommendForNewUser(List.of("3", "9", "9", "12"), o).userVector());
        for (ScoredItem s : byIndex.items()) assertNotEquals(0, s.item() % 5);
    }

    @Test
    void unknownLikedKeysAreAllNamed() {
        UnknownKeyException e = assertThrows(UnknownKeyException.class,
                () -> MODEL.recommendForNewUser(List.of("3", "x", "50", "y"), RecommendOptions.top(3)));
        assertEquals(List.of("x", "50", "y"), e.keys());
        assertEquals("unknown liked item keys (3): 'x', '50', 'y': the model holds 50 items", e.getMessage());
        e = assertThrows(UnknownKeyException.class,
                () -> MODEL.recommendForNewUser(new long[]{-4}, RecommendOptions.top(3)));
        assertEquals("unknown liked item key '-4': the model holds 50 items", e.getMessage());
        assertEquals("liked item 50 is out of range [0, 50)", assertThrows(IllegalArgumentException.class,
                () -> MODEL.recommendForNewUserByIndex(new int[]{50}, RecommendOptions.top(3))).getMessage());
    }

    @Test
    void noLikesIsAnErrorOrPopularity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MODEL.recommendForNewUser(List.of(), RecommendOptions.top(3)));
        assertTrue(e.getMessage().startsWith("likedItems must name at least one item"), e.getMessage());
        RecommendOptions popular = RecommendOptions.builder().k(4).coldStart(ColdStartStrategy.POPULARITY).build();
        NewUserRecommendations r = MODEL.recommendForNewUserByIndex(new int[0], popular);
        assertFalse(r.hasUserVector());
        assertThrows(IllegalStateException.class, r::userVector);
        assertEquals(MODEL.recommend("nobody", popular), r.items());
    }
}
