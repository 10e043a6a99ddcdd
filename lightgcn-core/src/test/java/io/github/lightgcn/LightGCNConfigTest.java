package io.github.lightgcn;

import io.github.lightgcn.eval.Metric;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LightGCNConfigTest {

    @Test
    void defaultsAreThePapers() {
        LightGCNConfig c = LightGCNConfig.defaults();
        assertEquals(64, c.embeddingDim());
        assertEquals(3, c.layers());
        assertEquals(1e-3, c.learningRate());
        assertEquals(1e-4, c.l2());
        assertEquals(2048, c.batchSize());
        assertEquals(1000, c.epochs());
        assertEquals(Metric.NDCG, c.monitorMetric());
        assertArrayEquals(new int[]{20}, c.topK());
    }

    @Test
    void invalidValuesNameTheValueAndTheRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().embeddingDim(0));
        assertEquals("embeddingDim must be in [1, 4096], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().learningRate(-1));
        assertEquals("learningRate must be in (0.0, 10.0], got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().l2(Double.NaN));
        assertTrue(e.getMessage().startsWith("l2 must be in [0.0, 10.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().threads(0));
        assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().topK());
        assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().patience(-1));
    }

    @Test
    void monitoredKIsAlwaysEvaluated() {
        LightGCNConfig c = LightGCNConfig.builder().topK(10, 5).monitor(Metric.RECALL, 20).build();
        assertArrayEquals(new int[]{5, 10, 20}, c.topK());
        assertEquals(c.asMap(), c.toBuilder().build().asMap());
    }
}
