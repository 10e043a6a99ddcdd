package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The loss options: validation, their one-line specs, and their place in the configuration and the model file. */
class LossTest {

    @Test
    void theDefaultIsThePapersBprWithOneNegative() {
        assertEquals(new Loss.Bpr(1), LightGCNConfig.defaults().loss());
        assertEquals(Loss.paper(), LightGCNConfig.defaults().loss());
        assertEquals("bpr(negatives=1)", LightGCNConfig.defaults().asMap().get("loss"));
    }

    @Test
    void parametersOutOfRangeNameTheParameterAndTheRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Loss.Bpr(0));
        assertEquals("bpr negatives must be in [1, 1024], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Loss.SampledSoftmax(0, 0.1, Loss.Score.DOT));
        assertEquals("sampled-softmax negatives must be in [1, 16384], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Loss.SampledSoftmax(8, 0, Loss.Score.DOT));
        assertEquals("sampled-softmax temperature must be in (0.0, 100.0], got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Loss.SampledSoftmax(8, Double.NaN, Loss.Score.DOT));
        assertTrue(e.getMessage().startsWith("sampled-softmax temperature must be in (0.0, 100.0]"));
        e = assertThrows(IllegalArgumentException.class, () -> new Loss.SampledSoftmax(8, 0.1, null));
        assertTrue(e.getMessage().contains("score"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Loss.DirectAU(-1));
        assertEquals("direct-au gamma must be in [0.0, 100.0], got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Loss.ImplicitSquared(1e5));
        assertEquals("implicit-squared unobserved must be in [0.0, 10000.0], got 100000.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Loss.ImplicitSquared(0.5, 2.5));
        assertEquals("implicit-squared popularity must be in [-2.0, 2.0], got 2.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LightGCNConfig.builder().loss(null));
        assertEquals("loss must not be null", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bpr(negatives=1)", "bpr(negatives=16)", "sampled-softmax(negatives=256, temperature=0.1, "
            + "score=cosine)", "sampled-softmax(negatives=3, temperature=2.5, score=dot)", "direct-au(gamma=0.5)",
            "implicit-squared(unobserved=30.0)", "implicit-squared(unobserved=0.5, popularity=0.75)",
            "implicit-squared(unobserved=1.0, popularity=-0.5)"})
    void specsReadBackAsTheSameLoss(String spec) {
        Loss loss = Loss.parse(spec);
        assertEquals(spec, loss.toString());
        assertEquals(loss, Loss.parse(loss.toString()));
        assertEquals(spec.substring(0, spec.indexOf('(')), loss.name()); // the spec's name, e.g. a log's label
        LightGCNConfig c = LightGCNConfig.builder().loss(loss).build();
        assertEquals(c, LightGCNConfig.fromMap(c.asMap()));
    }

    @Test
    void specsMayLeaveParametersOutAndMisspellingsAreNamed() {
        assertEquals(new Loss.Bpr(1), Loss.parse("bpr"));
        assertEquals(new Loss.SampledSoftmax(256, 0.1, Loss.Score.COSINE), Loss.parse(" Sampled-Softmax( ) "));
        assertEquals(new Loss.SampledSoftmax(64, 0.1, Loss.Score.DOT), Loss.parse("sampled-softmax(negatives=64,score=DOT)"));
        assertEquals(new Loss.DirectAU(1), Loss.parse("direct-au"));
        assertEquals(new Loss.ImplicitSquared(0.5), Loss.parse("implicit-squared"));
        assertEquals(new Loss.ImplicitSquared(0.5, 0), Loss.parse("implicit-squared(popularity=0)"));
        assertEquals("implicit-squared(unobserved=0.5)", new Loss.ImplicitSquared(0.5, 0).toString());
        assertEquals(new Loss.ImplicitSquared(1, 0.5), Loss.parse("implicit-squared(popularity=0.5, unobserved=1)"));
        var e = assertThrows(IllegalArgumentException.class, () -> Loss.parse("softmax"));
        assertEquals("loss 'softmax' is not one of bpr, sampled-softmax, direct-au, implicit-squared", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.parse("bpr(negative=2)"));
        assertEquals("loss bpr has no parameter [negative]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Loss.parse("bpr(negatives=two)"));
        assertTrue(e.getMessage().startsWith("loss 'bpr(negatives=two)' has a value that is not a number"));
        e = assertThrows(IllegalArgumentException.class, () -> Loss.parse("sampled-softmax(score=l2)"));
        assertEquals("sampled-softmax score must be dot or cosine, got 'l2'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LightGCNConfig.fromMap(Map.of("loss", "bpr(negatives=0)")));
        assertTrue(e.getMessage().contains("bpr negatives must be in [1, 1024], got 0"), e.getMessage());
    }

    @Test
    void aConfigurationWithoutALossIsThePapers() {
        Map<String, String> old = new LinkedHashMap<>(LightGCNConfig.defaults().asMap());
        old.remove("loss"); // what models and checkpoints written before the loss options recorded
        assertEquals(Loss.paper(), LightGCNConfig.fromMap(old).loss());
        assertEquals(LightGCNConfig.defaults(), LightGCNConfig.fromMap(old));
    }

    @Test
    void theFrozenVersion1ModelReadsAsThePapersLoss() throws Exception {
        Path frozen = Path.of(LossTest.class.getResource("/fixtures/model-v1.lgcn").toURI());
        Map<String, String> config = new LinkedHashMap<>(LightGCNModel.load(frozen).provenance().config());
        assertNull(config.get("loss"), "written before the loss options");
        config.keySet().retainAll(LightGCNConfig.defaults().asMap().keySet());
        assertEquals(Loss.paper(), LightGCNConfig.fromMap(config).loss());
    }

    @Test
    void configurationsWithOtherLossesDiffer() {
        LightGCNConfig a = LightGCNConfig.defaults();
        assertNotEquals(a, a.toBuilder().loss(new Loss.Bpr(2)).build());
        assertNotEquals(a.toBuilder().loss(new Loss.DirectAU(1)).build(), a.toBuilder().loss(new Loss.DirectAU(2)).build());
        assertEquals(a.toBuilder().loss(new Loss.DirectAU(1)).build().hashCode(),
                a.toBuilder().loss(Loss.parse("direct-au(gamma=1)")).build().hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bpr(negatives=3)", "sampled-softmax(negatives=8, temperature=0.2, score=cosine)",
            "direct-au(gamma=1.0)", "implicit-squared(unobserved=5.0)",
            "implicit-squared(unobserved=0.5, popularity=0.5)"})
    void theModelFileRecordsTheLoss(String spec, @TempDir Path dir) throws IOException {
        InteractionGraph[] g = Graphs.planted(60, 40, 3, 6, 2, 5);
        LightGCNConfig config = LightGCNConfig.builder().embeddingDim(8).batchSize(64).epochs(2).loss(Loss.parse(spec))
                .build();
        LightGCNModel model = new LightGCN(config).fit(g[0]);
        assertEquals(spec, model.provenance().config().get("loss"));
        Path file = dir.resolve("m.lgcn");
        model.save(file);
        LightGCNModel loaded = LightGCNModel.load(file);
        assertEquals(spec, loaded.provenance().config().get("loss"));
        assertEquals(config, LightGCNConfig.fromMap(loaded.provenance().config()));
    }
}
