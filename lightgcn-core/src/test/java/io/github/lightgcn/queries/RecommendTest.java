package io.github.lightgcn.queries;

import io.github.lightgcn.ColdStartStrategy;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.UnknownKeyException;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.testing.Models;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.*;

/** Recommendations for known and unknown users against a brute-force oracle: every option, keys and indexes. */
class RecommendTest {

    static final LightGCNModel MODEL = Models.random(40, 70, 6, 0.15, 5, true);

    /** Score every allowed item, sort by (score desc, index asc), keep k: the definition, written out. */
    static List<int[]> oracle(LightGCNModel m, int user, int k, boolean excludeTraining, IntPredicate allowed) {
        float[] u = m.userEmbeddings(), v = m.itemEmbeddings();
        List<float[]> scored = new ArrayList<>();
        for (int i = 0; i < m.numItems(); i++) {
            if (excludeTraining && m.trainGraph().contains(user, i)) continue;
            if (!allowed.test(i)) continue;
            scored.add(new float[]{Models.dot(u, user * m.dim(), v, i * m.dim(), m.dim()), i});
        }
        scored.sort(Comparator.<float[]>comparingDouble(s -> -s[0]).thenComparingDouble(s -> s[1]));
        List<int[]> out = new ArrayList<>();
        for (float[] s : scored.subList(0, Math.min(k, scored.size()))) {
            out.add(new int[]{(int) s[1], Float.floatToIntBits(s[0])});
        }
        return out;
    }

    static List<int[]> asPairs(List<ScoredItem> items) {
        return items.stream().map(s -> new int[]{s.item(), Float.floatToIntBits(s.score())}).toList();
    }

    static void assertSame(List<int[]> expected, List<ScoredItem> actual) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) assertArrayEquals(expected.get(r), asPairs(actual).get(r), "rank " + r);
    }

    @Test
    void defaultsLeaveTrainingItemsOutAndRankLikeTheOracle() {
        for (int u = 0; u < MODEL.numUsers(); u++) {
            assertSame(oracle(MODEL, u, 10, true, i -> true), MODEL.recommendByIndex(u, RecommendOptions.top(10)));
        }
    }

    @Test
    void trainingItemsCanBeKept() {
        RecommendOptions keep = RecommendOptions.builder().k(15).excludeTrainingItems(false).build();
        for (int u = 0; u < MODEL.numUsers(); u++) {
            assertSame(oracle(MODEL, u, 15, false, i -> true), MODEL.recommendByIndex(u, keep));
        }
        int u = 0;
        while (MODEL.trainGraph().userDegree(u) == 0) u++;
        int[] seen = MODEL.trainGraph().itemsOf(u);
        RecommendOptions all = RecommendOptions.builder().k(MODEL.numItems()).excludeTrainingItems(false).build();
        assertTrue(MODEL.recommendByIndex(u, all).stream().anyMatch(s -> s.item() == seen[0]));
    }

    @Test
    void filterAndCandidatesNarrowTheList() {
        IntPredicate odd = i -> i % 2 == 1;
        RecommendOptions filtered = RecommendOptions.builder().k(8).exclude(odd).build();
        int[] candidates = {3, 4, 10, 11, 12, 40, 41, 68, 4};
        RecommendOptions both = filtered.toBuilder().candidates(candidates).build();
        for (int u = 0; u < MODEL.numUsers(); u++) {
            assertSame(oracle(MODEL, u, 8, true, odd.negate()), MODEL.recommendByIndex(u, filtered));
            IntPredicate allowed = i -> i % 2 == 0 && java.util.Arrays.stream(candidates).anyMatch(c -> c == i);
            assertSame(oracle(MODEL, u, 8, true, allowed), MODEL.recommendByIndex(u, both));
            // candidates named by key give the same list (identity keys: the key of item i is i)
            assertEquals(MODEL.recommendByIndex(u, both),
                    MODEL.recommendByIndex(u, filtered.toBuilder().candidateKeys(3, 4, 10, 11, 12, 40, 41, 68).build()));
            assertEquals(MODEL.recommendByIndex(u, both), MODEL.recommendByIndex(u, filtered.toBuilder()
                    .candidateKeys(List.of("3", "4", "10", "11", "12", "40", "41", "68")).build()));
        }
        UnknownKeyException e = assertThrows(UnknownKeyException.class, () -> MODEL.recommendByIndex(0,
                RecommendOptions.builder().candidateKeys(List.of("3", "nope", "70")).build()));
        assertEquals(List.of("nope", "70"), e.keys());
        assertTrue(e.getMessage().startsWith("unknown candidate item keys (2): 'nope', '70': the model holds 70 items"),
                e.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> MODEL.recommendByIndex(0, RecommendOptions.builder().candidates(1, 70).build()));
        assertEquals("candidate item 70 is out of range [0, 70)", range.getMessage());
        assertTrue(MODEL.recommendByIndex(0, RecommendOptions.builder().allItems().build()).size() == 10);
    }

    @Test
    void keysAndIndexesAgreeAndResultsCarryKeys() {
        RecommendOptions o = RecommendOptions.top(5);
        for (int u = 0; u < MODEL.numUsers(); u++) {
            List<ScoredItem> byIndex = MODEL.recommendByIndex(u, o);
            assertEquals(byIndex, MODEL.recommend(Integer.toString(u), o));
            assertEquals(byIndex, MODEL.recommend((long) u, o));
            assertEquals(byIndex, MODEL.recommend((long) u, 5));
            assertEquals(byIndex, MODEL.recommend(Integer.toString(u), 5));
            for (ScoredItem s : byIndex) {
                assertEquals(Integer.toString(s.item()), s.key());
                assertEquals(s.item(), s.longKey());
            }
        }
        ScoredItem named = new ScoredItem(1, 2.5f, KeyIndex.ofStrings(List.of("a", "b")));
        assertEquals("b", named.key());
        assertThrows(IllegalStateException.class, named::longKey);
        assertEquals("ScoredItem[item=1, key=b, score=2.5]", named.toString());
        assertNotEquals(named, new ScoredItem(1, 2.5f, KeyIndex.ofStrings(List.of("a", "c"))));
        assertEquals(named, new ScoredItem(1, 2.5f, KeyIndex.ofStrings(List.of("x", "b"))));
    }

    @Test
    void unknownUserFailsByDefaultNamingTheKey() {
        UnknownKeyException e = assertThrows(UnknownKeyException.class, () -> MODEL.recommend("alice", 3));
        assertEquals(List.of("alice"), e.keys());
        assertTrue(e.getMessage().startsWith("unknown user key 'alice': the model holds 40 users; "), e.getMessage());
        assertTrue(e.getMessage().contains("ColdStartStrategy.POPULARITY"), e.getMessage());
        UnknownKeyException l = assertThrows(UnknownKeyException.class, () -> MODEL.recommend(40L, 3));
        assertEquals(List.of("40"), l.keys());
        assertInstanceOf(IllegalArgumentException.class, l);
    }

    @Test
    void popularityColdStartGivesTheMostPopularAllowedItems() {
        InteractionGraph train = MODEL.trainGraph();
        RecommendOptions o = RecommendOptions.builder().k(7).coldStart(ColdStartStrategy.POPULARITY)
                .exclude(i -> i % 3 == 0).build();
        List<Integer> expected = java.util.stream.IntStream.range(0, MODEL.numItems()).filter(i -> i % 3 != 0).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -train.itemDegree(i)).thenComparingInt(i -> i))
                .limit(7).toList();
        for (List<ScoredItem> list : List.of(MODEL.recommend("alice", o), MODEL.recommend(-1L, o))) {
            assertEquals(expected, list.stream().map(ScoredItem::item).toList());
            for (ScoredItem s : list) assertEquals(train.itemDegree(s.item()), s.score(), 0f);
        }
        // a known user is unaffected by the strategy
        assertEquals(MODEL.recommendByIndex(3, o), MODEL.recommend("3", o));
    }

    @Test
    void fewerItemsThanKAndAnEmptyCatalogue() {
        assertEquals(MODEL.numItems() - MODEL.trainGraph().userDegree(0),
                MODEL.recommendByIndex(0, RecommendOptions.top(1000)).size());
        LightGCNModel none = Models.random(3, 0, 4, 0, 1, false);
        assertEquals(List.of(), none.recommendByIndex(0, RecommendOptions.top(5)));
    }

    @Test
    void optionsNameTheParameterAndItsRange() {
        assertEquals("k must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> RecommendOptions.builder().k(0)).getMessage());
        assertEquals("threads must be in [1, 1024], got 0",
                assertThrows(IllegalArgumentException.class, () -> RecommendOptions.builder().threads(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecommendOptions.builder().coldStart(null));
        assertEquals("user 40 is out of range [0, 40)", assertThrows(IllegalArgumentException.class,
                () -> MODEL.recommendByIndex(40, RecommendOptions.top(3))).getMessage());
        assertEquals("user vector has 5 values, the model has dim 6", assertThrows(IllegalArgumentException.class,
                () -> MODEL.recommendForVector(new float[5], RecommendOptions.top(3))).getMessage());
        RecommendOptions d = RecommendOptions.builder().build();
        assertEquals(RecommendOptions.DEFAULT_K, d.k());
        assertTrue(d.excludeTrainingItems());
        assertFalse(d.hasCandidates());
        assertEquals(ColdStartStrategy.FAIL, d.coldStart());
        assertFalse(d.exclude().test(0));
    }

    @Test
    void vectorOfAUserGivesThatUsersListWhenTrainingItemsAreKept() {
        RecommendOptions keep = RecommendOptions.builder().k(12).excludeTrainingItems(false).build();
        for (int u = 0; u < MODEL.numUsers(); u++) {
            assertEquals(MODEL.recommendByIndex(u, keep), MODEL.recommendForVector(MODEL.userEmbedding(u), keep));
        }
    }
}
