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
        assertEquals(1.0, c.learningRateDecay());
        assertEquals(1e-3, c.learningRateAt(500), 0, "a constant rate, exactly");
    }

    @Test
    void theScheduleMultipliesTheRateByGammaEachEpoch() {
        LightGCNConfig c = LightGCNConfig.builder().learningRate(0.01).learningRateDecay(0.5).build();
        assertEquals(0.01, c.learningRateAt(1), 0);
        assertEquals(0.005, c.learningRateAt(2), 0);
        assertEquals(0.00125, c.learningRateAt(4), 1e-18);
        var e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().learningRateDecay(0));
        assertEquals("learningRateDecay must be in (0.0, 1.0], got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().learningRateDecay(1.01));
        assertNotEquals(LightGCNConfig.defaults(), c.toBuilder().learningRate(1e-3).build());
    }

    @Test
    void invalidValuesNameTheValueAndTheRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().embeddingDim(0));
        assertEquals("embeddingDim must be in [1, 4096], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().learningRate(-1));
        assertEquals("learningRate must be in (0.0, 10.0], got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().l2(Double.NaN));
        assertTrue(e.getMessage().startsWith("l2 must be in [0.0, 10.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().topK());
        assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().patience(-1));
    }

    @Test
    void monitoredKIsAlwaysEvaluated() {
        LightGCNConfig c = LightGCNConfig.builder().topK(10, 5).monitor(Metric.RECALL, 20).build();
        assertArrayEquals(new int[]{5, 10, 20}, c.topK());
        assertEquals(c.asMap(), c.toBuilder().build().asMap());
    }

    @Test
    void equalConfigurationsAreThoseWithEqualValues() {
        LightGCNConfig a = LightGCNConfig.builder().topK(10, 20).learningRate(0.02).seed(9).build();
        LightGCNConfig b = LightGCNConfig.builder().seed(9).learningRate(0.02).topK(20, 10).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.toBuilder().learningRate(0.0200001).build());
        assertNotEquals(a, a.toBuilder().topK(5).build());
        assertNotEquals(a, a.toBuilder().initialization(Initialization.XAVIER_UNIFORM).build());
        assertNotEquals(a, a.withEpochs(3));
        assertEquals(a, a.withEpochs(3).withEpochs(a.epochs()));
        assertEquals(3, a.withEpochs(3).epochs());
    }

    @Test
    void fromMapIsTheInverseOfAsMap() {
        LightGCNConfig c = LightGCNConfig.builder().embeddingDim(12).layers(2).learningRate(0.1 + 0.2).l2(1e-5)
                .batchSize(256).epochs(7).evalEvery(2).patience(3).minDelta(1e-4).monitor(Metric.RECALL, 10)
                .topK(5, 50).sampling(Sampling.EDGE_UNIFORM).initialization(Initialization.XAVIER_UNIFORM)
                .initStd(0.05).seed(-123456789012345L).learningRateDecay(0.97).build();
        assertEquals(c, LightGCNConfig.fromMap(c.asMap()));
        assertEquals(LightGCNConfig.defaults(), LightGCNConfig.fromMap(java.util.Map.of()), "absent keys: defaults");
    }

    @Test
    void fromMapNamesTheKeyThatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LightGCNConfig.fromMap(java.util.Map.of("learningRate", "fast")));
        assertTrue(e.getMessage().contains("learningRate = 'fast'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.fromMap(java.util.Map.of("layers", "99")));
        assertTrue(e.getMessage().contains("layers must be in [0, 16], got 99"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.fromMap(java.util.Map.of("threads", "2")));
        assertTrue(e.getMessage().contains("'threads' is not a configuration value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.fromMap(java.util.Map.of("monitor", "ndcg")));
        assertTrue(e.getMessage().contains("monitor"), e.getMessage());
    }
}
