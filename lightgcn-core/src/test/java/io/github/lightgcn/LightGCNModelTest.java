package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LightGCNModelTest {

    static LightGCNModel model;

    @BeforeAll
    static void train() {
        InteractionGraph[] g = Graphs.planted(60, 40, 4, 6, 2, 3);
        model = new LightGCN(LightGCNConfig.builder().embeddingDim(8).epochs(3).batchSize(64).build()).fit(g[0]);
    }

    @Test
    void recommendExcludesTrainingItemsAndIsSortedByScore() {
        for (int u = 0; u < model.numUsers(); u++) {
            List<ScoredItem> recs = model.recommendByIndex(u, RecommendOptions.top(10));
            assertEquals(10, recs.size());
            for (int r = 0; r < recs.size(); r++) {
                ScoredItem s = recs.get(r);
                assertFalse(model.trainGraph().contains(u, s.item()), "training item recommended");
                assertEquals(model.score(u, s.item()), s.score(), 0f);
                if (r > 0) assertTrue(recs.get(r - 1).score() >= s.score());
            }
            // nothing better was left out
            float worst = recs.get(9).score();
            int better = 0;
            for (int i = 0; i < model.numItems(); i++) {
                if (!model.trainGraph().contains(u, i) && model.score(u, i) > worst) better++;
            }
            assertTrue(better <= 9);
        }
    }

    @Test
    void extraExclusionFilterIsApplied() {
        List<ScoredItem> recs = model.recommendByIndex(0, RecommendOptions.builder().k(5).exclude(item -> item % 2 == 0)
                .build());
        assertEquals(5, recs.size());
        for (ScoredItem s : recs) assertEquals(1, s.item() % 2);
        assertTrue(model.recommendByIndex(0, RecommendOptions.top(1000)).size() < model.numItems());
    }

    @Test
    void saveLoadRoundTripIsIdentical(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.lgcn");
        model.save(file);
        LightGCNModel loaded = LightGCNModel.load(file);
        assertArrayEquals(model.userEmbeddings(), loaded.userEmbeddings(), 0f);
        assertArrayEquals(model.itemEmbeddings(), loaded.itemEmbeddings(), 0f);
        assertEquals(model.provenance(), loaded.provenance());
        assertEquals(model.trainGraph().fingerprint(), loaded.trainGraph().fingerprint());
        assertEquals(model.recommendByIndex(3, RecommendOptions.top(7)),
                loaded.recommendByIndex(3, RecommendOptions.top(7)));
        assertEquals(Map.of(), Files.list(dir).filter(p -> p.toString().endsWith(".tmp"))
                .collect(java.util.stream.Collectors.toMap(p -> p, p -> p)), "no temporary file left");
    }

    @Test
    void attachmentsAreSavedAndLoaded(@TempDir Path dir) throws IOException {
        LightGCNModel withData = model.withAttachment("ids", new byte[]{1, 2, 3})
                .withAttachment("titles", "Cowboy Bebop".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(model.attachmentNames().isEmpty(), "the original model is unchanged");
        Path file = dir.resolve("a.lgcn");
        withData.save(file);
        LightGCNModel loaded = LightGCNModel.load(file);
        assertEquals(java.util.List.of("ids", "titles"), java.util.List.copyOf(loaded.attachmentNames()));
        assertArrayEquals(new byte[]{1, 2, 3}, loaded.attachment("ids").orElseThrow());
        assertEquals("Cowboy Bebop", new String(loaded.attachment("titles").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(loaded.attachment("none").isEmpty());
        assertArrayEquals(model.userEmbeddings(), loaded.userEmbeddings(), 0f);
    }

    @Test
    void truncatedFileIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.lgcn");
        model.save(file);
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[]{bytes.length - 1, bytes.length / 2, 30, 0}) {
            Path t = dir.resolve("cut" + cut);
            Files.write(t, java.util.Arrays.copyOf(bytes, cut));
            IOException e = assertThrows(IOException.class, () -> LightGCNModel.load(t));
            assertTrue(e.getMessage().contains(t.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not a lightgcn model"),
                    e.getMessage());
        }
    }

    @Test
    void flippedByteIsRejectedAnywhere(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.lgcn");
        model.save(file);
        byte[] bytes = Files.readAllBytes(file);
        java.util.Random r = new java.util.Random(1);
        for (int trial = 0; trial < 50; trial++) {
            byte[] bad = bytes.clone();
            int pos = trial == 0 ? bytes.length - 1 : r.nextInt(bytes.length);
            bad[pos] ^= (byte) (1 << r.nextInt(8));
            Path t = dir.resolve("flip" + trial);
            Files.write(t, bad);
            IOException e = assertThrows(IOException.class, () -> LightGCNModel.load(t), "flip at byte " + pos);
            assertTrue(e.getMessage().contains(t.toString()), e.getMessage());
        }
    }

    @Test
    void concurrentRecommendCallsGiveTheSingleThreadedAnswers() throws Exception {
        List<List<ScoredItem>> expected = new java.util.ArrayList<>();
        for (int u = 0; u < model.numUsers(); u++) expected.add(model.recommendByIndex(u, RecommendOptions.top(10)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int seed = t;
                futures.add(pool.submit(() -> {
                    java.util.Random r = new java.util.Random(seed);
                    int mismatches = 0;
                    for (int call = 0; call < 10_000; call++) {
                        int u = r.nextInt(model.numUsers());
                        if (!model.recommendByIndex(u, RecommendOptions.top(10)).equals(expected.get(u))) mismatches++;
                    }
                    return mismatches;
                }));
            }
            for (var f : futures) assertEquals(0, f.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void outOfRangeArgumentsAreClearErrors() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> model.recommendByIndex(model.numUsers(), RecommendOptions.top(5)));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.recommendByIndex(0, RecommendOptions.top(0)));
        assertThrows(IllegalArgumentException.class, () -> model.score(0, -1));
    }
}
