package io.github.lightgcn.eval;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Metrics with MAP and MRR beside the four older metrics; evaluation options and their validation. */
class MetricsAndOptionsTest {

    private static Metrics sample() {
        double[][] v = new double[Metric.values().length][2];
        for (Metric m : Metric.values()) {
            v[m.ordinal()][0] = 0.1 * (m.ordinal() + 1);
            v[m.ordinal()][1] = 0.01 * (m.ordinal() + 1);
        }
        return Metrics.of(new int[]{10, 20}, v, 7);
    }

    @Test
    void formatAllOrChosenMetrics() {
        Metrics m = sample();
        assertEquals("recall@10=0.10000 precision@10=0.20000 ndcg@10=0.30000 hit_rate@10=0.40000 map@10=0.50000 "
                + "mrr@10=0.60000 recall@20=0.01000 precision@20=0.02000 ndcg@20=0.03000 hit_rate@20=0.04000 "
                + "map@20=0.05000 mrr@20=0.06000", m.format());
        assertEquals("recall@10=0.10000 hit_rate@10=0.40000 recall@20=0.01000 hit_rate@20=0.04000",
                m.format(Metric.RECALL, Metric.HIT_RATE));
        assertEquals(0.5, m.map(10), 1e-15);
        assertEquals(0.06, m.mrr(20), 1e-15);
        assertEquals(Metric.MAP, Metric.fromLabel("MAP"));
        assertEquals(Metric.MRR, Metric.fromLabel("mrr"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Metric.fromLabel("auc")).getMessage()
                .contains("map or mrr"));
    }

    @Test
    void mapsWrittenBeforeMapAndMrrStillRead() {
        Map<String, Double> old = new LinkedHashMap<>();
        for (String m : new String[]{"recall", "precision", "ndcg", "hit_rate"}) old.put(m + "@20", 0.5);
        Metrics m = Metrics.fromMap(old);
        assertEquals(0.5, m.ndcg(20));
        assertTrue(Double.isNaN(m.map(20)) && Double.isNaN(m.mrr(20)));
        old.remove("ndcg@20");
        assertEquals("missing ndcg@20",
                assertThrows(IllegalArgumentException.class, () -> Metrics.fromMap(old)).getMessage());
        assertEquals(sample().asMap(), Metrics.fromMap(sample().asMap()).asMap());
    }

    @Test
    void optionsDefaultsAndRanges() {
        EvaluationOptions d = EvaluationOptions.builder().build();
        assertArrayEquals(new int[]{20}, d.ks());
        assertEquals(EvaluationOptions.DEFAULT_BLOCK_SIZE, d.blockSize());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads());
        assertNull(d.listener());
        assertArrayEquals(new int[]{5, 10, 20}, EvaluationOptions.atK(20, 5, 10, 5).ks());
        assertEquals("every K must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.atK(0, 5)).getMessage());
        assertEquals("ks must hold at least one K", assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.atK()).getMessage());
        assertEquals("threads must be in [1, 1024], got 0", assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.builder().threads(0)).getMessage());
        assertEquals("blockSize must be in [1, 65536], got 0", assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.builder().blockSize(0)).getMessage());
    }
}
