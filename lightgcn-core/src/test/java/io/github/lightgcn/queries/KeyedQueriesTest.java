package io.github.lightgcn.queries;

import io.github.lightgcn.ColdStartStrategy;
import io.github.lightgcn.EmbeddingExport;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.SimilarOptions;
import io.github.lightgcn.UnknownKeyException;
import io.github.lightgcn.UserRecommendations;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Queries by the application's keys on models that carry real keys: the answers are the index answers, the results
 * carry the keys, and a long key is never taken for an index (the two have different method names).
 */
class KeyedQueriesTest {

    /** The same embeddings as {@link Models#random}, with String keys "u<i>" / "item-<i>". */
    static final LightGCNModel INDEXED = Models.random(30, 40, 6, 0.15, 8, false);
    static final LightGCNModel STRINGS = withKeys(INDEXED,
            KeyIndex.ofStrings(IntStream.range(0, 30).mapToObj(u -> "u" + (char) ('A' + u)).toList()),
            KeyIndex.ofStrings(IntStream.range(0, 40).mapToObj(i -> "item-" + (char) ('A' + i)).toList()));
    /** Long keys 1000 + 7i for users and 5000 + i for items: a key is never a valid index. */
    static final LightGCNModel LONGS = withKeys(INDEXED,
            KeyIndex.ofLongs(IntStream.range(0, 30).mapToLong(u -> 1000 + 7L * u).toArray()),
            KeyIndex.ofLongs(IntStream.range(0, 40).mapToLong(i -> 5000 + i).toArray()));

    static LightGCNModel withKeys(LightGCNModel m, KeyIndex users, KeyIndex items) {
        return LightGCNModel.of(m.userEmbeddings(), m.itemEmbeddings(), m.dim(),
                KeyedInteractions.of(m.trainGraph(), users, items), Map.of());
    }

    static List<Integer> items(List<ScoredItem> list) { return list.stream().map(ScoredItem::item).toList(); }

    @Test
    void recommendByKeyIsTheIndexAnswerWithKeys() {
        RecommendOptions o = RecommendOptions.top(6);
        for (int u = 0; u < 30; u++) {
            List<ScoredItem> byIndex = INDEXED.recommendByIndex(u, o);
            List<ScoredItem> byString = STRINGS.recommend(STRINGS.userKeys().key(u), o);
            List<ScoredItem> byLong = LONGS.recommend(1000 + 7L * u, o);
            assertEquals(byIndex.stream().map(ScoredItem::item).toList(), byString.stream().map(ScoredItem::item).toList());
            assertEquals(byIndex.stream().map(ScoredItem::score).toList(), byLong.stream().map(ScoredItem::score).toList());
            for (int r = 0; r < byIndex.size(); r++) {
                assertEquals("item-" + (char) ('A' + byIndex.get(r).item()), byString.get(r).key());
                assertEquals(5000 + byIndex.get(r).item(), byLong.get(r).longKey());
                assertEquals(Long.toString(5000 + byIndex.get(r).item()), byLong.get(r).key());
            }
        }
    }

    @Test
    void aLongKeyIsNeverTakenForAnIndex() {
        assertThrows(UnknownKeyException.class, () -> LONGS.recommend(7L, 3)); // index 7 exists, key 7 does not
        assertEquals(INDEXED.recommendByIndex(7, RecommendOptions.top(3)).stream().map(ScoredItem::item).toList(),
                LONGS.recommendByIndex(7, RecommendOptions.top(3)).stream().map(ScoredItem::item).toList());
        assertEquals(List.of("5"), assertThrows(UnknownKeyException.class, () -> STRINGS.recommend(5L, 3)).keys());
    }

    @Test
    void newUsersSimilarItemsAndBatchesByKey() {
        RecommendOptions o = RecommendOptions.top(5);
        List<Integer> expected = items(INDEXED.recommendForNewUserByIndex(new int[]{3, 8}, o).items());
        assertEquals(expected, items(STRINGS.recommendForNewUser(List.of("item-D", "item-I"), o).items()));
        assertEquals(expected, items(LONGS.recommendForNewUser(new long[]{5003, 5008}, o).items()));
        assertEquals(List.of("zzz", "nope"), assertThrows(UnknownKeyException.class,
                () -> STRINGS.recommendForNewUser(List.of("item-A", "zzz", "nope"), o)).keys());
        assertEquals(INDEXED.similarItemsByIndex(4, SimilarOptions.top(3)).stream().map(ScoredItem::item).toList(),
                LONGS.similarItems(5004L, SimilarOptions.top(3)).stream().map(ScoredItem::item).toList());
        assertEquals(INDEXED.similarUsersByIndex(2, SimilarOptions.top(3)).stream().map(s -> s.user()).toList(),
                STRINGS.similarUsers("uC", SimilarOptions.top(3)).stream().map(s -> s.user()).toList());

        List<UserRecommendations> batch = new ArrayList<>();
        RecommendOptions popular = o.toBuilder().coldStart(ColdStartStrategy.POPULARITY).build();
        STRINGS.recommendForUsers(List.of("uB", "stranger", "uA"), popular, batch::add);
        assertEquals(List.of("uB", "stranger", "uA"), batch.stream().map(UserRecommendations::userKey).toList());
        assertEquals(List.of(1, -1, 0), batch.stream().map(UserRecommendations::user).toList());
        assertEquals(STRINGS.recommend("uB", o), batch.get(0).items());
        assertEquals(STRINGS.recommend("stranger", popular), batch.get(1).items());
        List<UserRecommendations> all = new ArrayList<>();
        LONGS.recommendForAllUsers(o, all::add);
        assertEquals(IntStream.range(0, 30).mapToObj(u -> Long.toString(1000 + 7L * u)).toList(),
                all.stream().map(UserRecommendations::userKey).toList());
    }

    @Test
    void theExportWritesTheModelsKeys(@TempDir Path dir) throws IOException {
        EmbeddingExport.of(STRINGS).writeTo(dir);
        String json = Files.readString(dir.resolve("ids.json"));
        assertTrue(json.startsWith("{\n  \"dim\": 6,\n  \"users\": [\"uA\", \"uB\", "), json);
        assertTrue(json.contains("\"items\": [\"item-A\", \"item-B\", "), json);
        LONGS.exportEmbeddings(dir);
        assertTrue(Files.readString(dir.resolve("ids.json")).contains("\"users\": [1000, 1007, 1014, "));
    }
}
