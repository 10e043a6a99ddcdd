package io.github.lightgcn.queries;

import io.github.lightgcn.ColdStartStrategy;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.UnknownKeyException;
import io.github.lightgcn.UserRecommendations;
import io.github.lightgcn.testing.Models;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Batch recommendation (the blocked SIMD ranking) gives exactly the lists of one-by-one requests (the scalar dot
 * product), in list order, on the caller's thread, across chunk boundaries, with every option.
 */
class BatchTest {

    /** More users than one chunk of one thread (256 × 16), items not a multiple of a tile, an odd dimension. */
    static final LightGCNModel LARGE = Models.random(4500, 333, 13, 0.03, 21, false);
    static final LightGCNModel TIED = Models.random(300, 90, 5, 0.1, 22, true);

    static List<UserRecommendations> all(LightGCNModel m, RecommendOptions o) {
        List<UserRecommendations> out = new ArrayList<>();
        Thread caller = Thread.currentThread();
        m.recommendForAllUsers(o, r -> {
            assertSame(caller, Thread.currentThread());
            out.add(r);
        });
        return out;
    }

    static void assertSameAsSingle(LightGCNModel m, RecommendOptions o) {
        List<UserRecommendations> batch = all(m, o);
        assertEquals(m.numUsers(), batch.size());
        for (int u = 0; u < m.numUsers(); u++) {
            UserRecommendations r = batch.get(u);
            assertEquals(u, r.user());
            assertEquals(Integer.toString(u), r.userKey());
            assertFalse(r.coldStart());
            assertEquals(m.recommendByIndex(u, o), r.items(), "user " + u + " with " + o);
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @CsvSource({"1", "2", "3"})
    void everyUserAsOneByOne(int threads) {
        RecommendOptions o = RecommendOptions.builder().k(20).threads(threads).build();
        assertSameAsSingle(LARGE, o);
        assertSameAsSingle(TIED, o.toBuilder().k(7).build());
    }

    @Test
    void everyOptionAsOneByOne() {
        RecommendOptions base = RecommendOptions.builder().k(9).threads(2).build();
        for (RecommendOptions o : List.of(
                base.toBuilder().excludeTrainingItems(false).build(),
                base.toBuilder().exclude(i -> i % 3 == 0).build(),
                base.toBuilder().candidates(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 1, 2).build(),
                base.toBuilder().candidateKeys(List.of("4", "6", "8")).exclude(i -> i == 6).build(),
                base.toBuilder().k(500).build(),
                base.toBuilder().k(1).build())) {
            assertSameAsSingle(TIED, o);
        }
    }

    @Test
    void listedUsersInListOrderWithRepeatsAndColdStarts() {
        RecommendOptions popular = RecommendOptions.builder().k(5).coldStart(ColdStartStrategy.POPULARITY).build();
        List<String> keys = List.of("7", "nobody", "3", "7", "299", "-1");
        List<UserRecommendations> got = new ArrayList<>();
        TIED.recommendForUsers(keys, popular, got::add);
        assertEquals(keys, got.stream().map(UserRecommendations::userKey).toList());
        assertEquals(List.of(7, -1, 3, 7, 299, -1), got.stream().map(UserRecommendations::user).toList());
        for (UserRecommendations r : got) {
            assertEquals(TIED.recommend(r.userKey(), popular), r.items());
            assertEquals(r.user() < 0, r.coldStart());
        }
        List<UserRecommendations> byLong = new ArrayList<>();
        TIED.recommendForUsers(new long[]{7, 1000, 3}, popular, byLong::add);
        assertEquals(List.of("7", "1000", "3"), byLong.stream().map(UserRecommendations::userKey).toList());
        assertEquals(got.get(1).items(), byLong.get(1).items());
        List<UserRecommendations> byIndex = new ArrayList<>();
        TIED.recommendForUsersByIndex(new int[]{3, 7}, popular, byIndex::add);
        assertEquals(List.of(got.get(2).items(), got.get(0).items()),
                byIndex.stream().map(UserRecommendations::items).toList());
    }

    @Test
    void unknownKeysFailTheWholeBatchBeforeAnything() {
        List<UserRecommendations> got = new ArrayList<>();
        UnknownKeyException e = assertThrows(UnknownKeyException.class,
                () -> TIED.recommendForUsers(List.of("1", "a", "2", "b"), RecommendOptions.top(3), got::add));
        assertEquals(List.of("a", "b"), e.keys());
        assertTrue(e.getMessage().startsWith("unknown user keys (2): 'a', 'b': the model holds 300 users"), e.getMessage());
        assertTrue(got.isEmpty(), "nothing handed out");
        assertThrows(UnknownKeyException.class,
                () -> TIED.recommendForUsers(new long[]{300}, RecommendOptions.top(3), got::add));
        assertEquals("user 300 is out of range [0, 300)", assertThrows(IllegalArgumentException.class,
                () -> TIED.recommendForUsersByIndex(new int[]{0, 300}, RecommendOptions.top(3), got::add)).getMessage());
        assertTrue(got.isEmpty());
    }

    @Test
    void anEmptyListHandsOutNothing() {
        TIED.recommendForUsersByIndex(new int[0], RecommendOptions.top(3), r -> fail("called for " + r));
        TIED.recommendForUsers(List.of(), RecommendOptions.top(3), r -> fail("called for " + r));
    }

    @Test
    void listsAreUnmodifiable() {
        List<UserRecommendations> got = new ArrayList<>();
        TIED.recommendForUsersByIndex(new int[]{0}, RecommendOptions.top(3), got::add);
        assertThrows(UnsupportedOperationException.class, () -> got.getFirst().items().clear());
    }
}
