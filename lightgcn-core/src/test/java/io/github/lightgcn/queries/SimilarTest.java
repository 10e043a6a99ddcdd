package io.github.lightgcn.queries;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.ScoredUser;
import io.github.lightgcn.SimilarOptions;
import io.github.lightgcn.UnknownKeyException;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Models;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.*;

/** Similar items and users: cosine of final embeddings against a brute-force oracle, the row itself left out. */
class SimilarTest {

    static final LightGCNModel MODEL = Models.random(25, 60, 7, 0.2, 4, true);

    /** (index, cosine bits) of the k rows nearest to {@code row}: cos = a·b / (|a| |b|) in double, 0 for a zero row. */
    static List<int[]> oracle(float[] table, int rows, int dim, int row, int k, IntPredicate allowed) {
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (i == row || !allowed.test(i)) continue;
            double dot = 0, na = 0, nb = 0;
            for (int c = 0; c < dim; c++) {
                dot += (double) table[row * dim + c] * table[i * dim + c];
                na += (double) table[row * dim + c] * table[row * dim + c];
                nb += (double) table[i * dim + c] * table[i * dim + c];
            }
            double d = Math.sqrt(na) * Math.sqrt(nb);
            all.add(new double[]{d == 0 ? 0f : (float) (dot / d), i});
        }
        all.sort(Comparator.<double[]>comparingDouble(s -> -s[0]).thenComparingDouble(s -> s[1]));
        return all.subList(0, Math.min(k, all.size())).stream()
                .map(s -> new int[]{(int) s[1], Float.floatToIntBits((float) s[0])}).toList();
    }

    @Test
    void itemsRankByCosineWithoutThemselves() {
        for (int item = 0; item < MODEL.numItems(); item++) {
            List<int[]> expected = oracle(MODEL.itemEmbeddings(), MODEL.numItems(), MODEL.dim(), item, 9, i -> true);
            List<ScoredItem> got = MODEL.similarItemsByIndex(item, SimilarOptions.top(9));
            assertEquals(expected.size(), got.size());
            for (int r = 0; r < got.size(); r++) {
                assertArrayEquals(expected.get(r), new int[]{got.get(r).item(), Float.floatToIntBits(got.get(r).score())});
            }
            assertEquals(got, MODEL.similarItems(Integer.toString(item), SimilarOptions.top(9)));
            assertEquals(got, MODEL.similarItems((long) item, SimilarOptions.top(9)));
        }
    }

    @Test
    void filterAndSmallCatalogues() {
        SimilarOptions even = SimilarOptions.builder().k(5).exclude(i -> i % 2 == 1).build();
        for (int item = 0; item < MODEL.numItems(); item++) {
            for (ScoredItem s : MODEL.similarItemsByIndex(item, even)) assertEquals(0, s.item() % 2);
        }
        assertEquals(MODEL.numItems() - 1, MODEL.similarItemsByIndex(0, SimilarOptions.top(1000)).size());
        InteractionGraph g = InteractionGraph.empty(1, 1);
        LightGCNModel single = LightGCNModel.of(new float[]{1, 2}, new float[]{3, 4}, 2, g, Map.of());
        assertEquals(List.of(), single.similarItemsByIndex(0, SimilarOptions.top(3)));
    }

    @Test
    void aZeroEmbeddingHasCosineZero() {
        InteractionGraph g = InteractionGraph.empty(1, 3);
        LightGCNModel m = LightGCNModel.of(new float[2], new float[]{1, 0, 0, 0, -1, 0}, 2, g, Map.of());
        List<ScoredItem> s = m.similarItemsByIndex(0, SimilarOptions.top(2));
        assertEquals(List.of(1, 2), s.stream().map(ScoredItem::item).toList()); // 0 beats -1
        assertEquals(0f, s.get(0).score());
        assertEquals(-1f, s.get(1).score());
    }

    @Test
    void usersRankByCosineWithoutThemselves() {
        for (int user = 0; user < MODEL.numUsers(); user++) {
            List<int[]> expected = oracle(MODEL.userEmbeddings(), MODEL.numUsers(), MODEL.dim(), user, 4, i -> i != 3);
            SimilarOptions o = SimilarOptions.builder().k(4).exclude(i -> i == 3).build();
            List<ScoredUser> got = MODEL.similarUsersByIndex(user, o);
            assertEquals(expected.size(), got.size());
            for (int r = 0; r < got.size(); r++) {
                assertArrayEquals(expected.get(r), new int[]{got.get(r).user(), Float.floatToIntBits(got.get(r).score())});
                assertEquals(Integer.toString(got.get(r).user()), got.get(r).key());
            }
            assertEquals(got, MODEL.similarUsers(Integer.toString(user), o));
        }
        assertEquals(MODEL.similarUsersByIndex(2, SimilarOptions.top(3)), MODEL.similarUsers(2L, SimilarOptions.top(3)));
    }

    @Test
    void unknownKeysAndBadArguments() {
        assertEquals("unknown item key 'x': the model holds 60 items", assertThrows(UnknownKeyException.class,
                () -> MODEL.similarItems("x", SimilarOptions.top(3))).getMessage());
        assertEquals("unknown user key '25': the model holds 25 users", assertThrows(UnknownKeyException.class,
                () -> MODEL.similarUsers(25L, SimilarOptions.top(3))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> MODEL.similarItemsByIndex(60, SimilarOptions.top(3)));
        assertEquals("k must be >= 1, got -1", assertThrows(IllegalArgumentException.class,
                () -> SimilarOptions.builder().k(-1)).getMessage());
    }

    @Test
    void concurrentFirstQueriesAgree() throws Exception {
        LightGCNModel fresh = Models.random(25, 60, 7, 0.2, 4, true); // norms not computed yet
        List<ScoredItem> expected = MODEL.similarItemsByIndex(5, SimilarOptions.top(6));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<ScoredItem>>> f = new ArrayList<>();
            for (int t = 0; t < 8; t++) f.add(pool.submit(() -> fresh.similarItemsByIndex(5, SimilarOptions.top(6))));
            for (var x : f) assertEquals(expected, x.get());
        } finally {
            pool.shutdown();
        }
    }
}
