package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A fit on keyed data is the fit on its graph, bit for bit, and the model carries the keys (through save/load). */
class KeyedFitTest {

    static LightGCNConfig config() {
        return LightGCNConfig.builder().embeddingDim(8).epochs(3).batchSize(64).evalEvery(1).build();
    }

    /** The planted graphs with users named "user-000".. (whose string order is the index order) and items 10·i. */
    static KeyedInteractions[] keyed(InteractionGraph[] g) {
        KeyedInteractions.Builder b = KeyedInteractions.builder();
        for (int u = 0; u < g[0].numUsers(); u++) b.addUser(String.format("user-%03d", u));
        for (int i = 0; i < g[0].numItems(); i++) b.addItem(10L * i);
        g[0].forEachEdge((u, i) -> b.add(String.format("user-%03d", u), 10L * i));
        KeyedInteractions train = b.build();
        KeyedInteractions.HeldOutBuilder val = train.heldOut(KeyedInteractions.UnknownKeys.FAIL);
        g[1].forEachEdge((u, i) -> val.add(String.format("user-%03d", u), 10L * i));
        return new KeyedInteractions[]{train, val.build()};
    }

    @Test
    void aKeyedFitIsTheGraphFitAndCarriesTheKeys(@TempDir Path dir) throws IOException {
        InteractionGraph[] g = Graphs.planted(60, 40, 4, 6, 2, 3);
        KeyedInteractions[] k = keyed(g);
        LightGCNModel plain = new LightGCN(config()).fit(g[0], g[1]);
        LightGCNModel keyed = new LightGCN(config()).fit(k[0], k[1]);
        assertArrayEquals(plain.userEmbeddings(), keyed.userEmbeddings(), 0f);
        assertArrayEquals(plain.itemEmbeddings(), keyed.itemEmbeddings(), 0f);
        assertEquals(plain.trainingSummary().modelEpoch(), keyed.trainingSummary().modelEpoch());
        assertTrue(plain.userKeys().isIdentity());
        assertEquals(k[0].userKeys(), keyed.userKeys());
        assertEquals(k[0].itemKeys(), keyed.itemKeys());
        assertEquals(7, keyed.userKeys().indexOf("user-007"));
        assertEquals(250L, keyed.itemKeys().longKey(25));

        Path file = dir.resolve("keyed.lgcn");
        keyed.save(file);
        LightGCNModel loaded = LightGCNModel.load(file);
        assertEquals(keyed.userKeys(), loaded.userKeys());
        assertEquals(keyed.itemKeys(), loaded.itemKeys());
        assertEquals(keyed.recommendByIndex(7, RecommendOptions.top(5)),
                loaded.recommendByIndex(7, RecommendOptions.top(5)));
        assertEquals(keyed.provenance(), loaded.provenance());
    }

    @Test
    void aMonitorOnOtherKeysIsRefused() {
        InteractionGraph[] g = Graphs.planted(30, 20, 3, 4, 2, 1);
        KeyedInteractions[] k = keyed(g);
        KeyedInteractions other = KeyedInteractions.of(g[1], KeyIndex.identity(30), KeyIndex.identity(20));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LightGCN(config()).fit(k[0], other));
        assertTrue(e.getMessage().contains("on other keys"), e.getMessage());
        assertEquals(k[0].userKeys(), new LightGCN(config()).fit(k[0]).userKeys());
    }

    @Test
    void keysOfAModelFromElsewhereAndTheirSizes() {
        InteractionGraph[] g = Graphs.planted(30, 20, 3, 4, 2, 1);
        KeyedInteractions k = keyed(g)[0];
        float[] users = new float[30 * 2], items = new float[20 * 2];
        LightGCNModel m = LightGCNModel.of(users, items, 2, k, Map.of("source", "test"));
        assertEquals(k.userKeys(), m.userKeys());
        assertEquals("test", m.provenance().config().get("source"));

        LightGCNModel relabelled = m.withKeys(KeyIndex.identity(30), KeyIndex.ofLongs(java.util.stream.LongStream.range(100, 120).toArray()));
        assertTrue(relabelled.userKeys().isIdentity());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.withKeys(KeyIndex.identity(29), KeyIndex.identity(20)));
        assertEquals("the keys (29 user keys, 20 item keys) do not fit the model (30 users, 20 items)", e.getMessage());

        users[3 * 2 + 1] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNModel.of(users, items, 2, g[0], Map.of()));
        assertEquals("user embeddings must be finite: user 3 has NaN at dimension 1", e.getMessage());
    }
}
