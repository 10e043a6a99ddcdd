package io.github.lightgcn;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.internal.eval.PopularityScorer;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LightGCNTrainingTest {

    private static final InteractionGraph[] PLANTED = Graphs.planted(300, 120, 6, 12, 3, 77);

    private static LightGCNConfig.Builder small() {
        return LightGCNConfig.builder().embeddingDim(16).batchSize(256).learningRate(0.01).epochs(30).seed(5);
    }

    @Test
    void lossDecreasesAndRecallBeatsPopularityOnPlantedCommunities() {
        InteractionGraph train = PLANTED[0], test = PLANTED[1];
        List<TrainingListener.EpochStats> epochs = new ArrayList<>();
        LightGCNModel model = new LightGCN(small().build()).fit(train, null, FitOptions.builder()
                .listener(new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats stats) { epochs.add(stats); }
                }).build());
        assertEquals(30, epochs.size());
        double first = epochs.get(0).loss(), last = epochs.get(29).loss();
        assertTrue(last < 0.6 * first, "loss should fall clearly: first " + first + ", last " + last);
        for (var e : epochs) assertTrue(Double.isFinite(e.loss()) && e.bprLoss() > 0 && e.regLoss() >= 0);

        Metrics ours = model.evaluate(test, 10);
        Metrics popularity;
        try (Workers w = new Workers(1)) {
            popularity = new Evaluator(new int[]{10}, 64, w).evaluate(new PopularityScorer(train), train, test);
        }
        assertTrue(ours.recall(10) > 2 * popularity.recall(10),
                "LightGCN recall@10 " + ours.recall(10) + " vs popularity " + popularity.recall(10));
        assertTrue(ours.recall(10) > 0.5, "planted communities should be easy: recall@10 " + ours.recall(10));
    }

    /** Every loss learns the planted communities, and gives the same bits on 1 and 2 threads. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bpr(negatives=4)",
            "sampled-softmax(negatives=16, temperature=0.2, score=cosine)",
            "sampled-softmax(negatives=16, temperature=1.0, score=dot)", "direct-au(gamma=1.0)",
            "implicit-squared(unobserved=10.0)"})
    void everyLossLearnsAndIsBitIdenticalWhateverTheThreadCount(String spec) {
        InteractionGraph train = PLANTED[0], test = PLANTED[1];
        LightGCNConfig c = small().epochs(12).loss(Loss.parse(spec)).build();
        LightGCNModel one = new LightGCN(c).fit(train, null, FitOptions.builder().threads(1).build());
        LightGCNModel two = new LightGCN(c).fit(train, null, FitOptions.builder().threads(2).build());
        assertArrayEquals(one.userEmbeddings(), two.userEmbeddings(), 0f);
        assertArrayEquals(one.itemEmbeddings(), two.itemEmbeddings(), 0f);
        Metrics popularity;
        try (Workers w = new Workers(1)) {
            popularity = new Evaluator(new int[]{10}, 64, w).evaluate(new PopularityScorer(train), train, test);
        }
        double recall = one.evaluate(test, 10).recall(10);
        assertTrue(recall > 2 * popularity.recall(10), spec + ": recall@10 " + recall + " vs popularity "
                + popularity.recall(10));
    }

    /** Epoch 1 runs at the base rate whatever γ; from epoch 2 the decayed rate moves the embeddings less. */
    @Test
    void aDecayingLearningRateChangesTheRunFromItsSecondEpoch() {
        InteractionGraph train = PLANTED[0];
        LightGCNConfig constant = small().epochs(1).build();
        LightGCNConfig decaying = constant.toBuilder().learningRateDecay(0.25).build();
        LightGCNModel a = new LightGCN(constant).fit(train), b = new LightGCN(decaying).fit(train);
        assertArrayEquals(a.userEmbeddings(), b.userEmbeddings(), 0f, "epoch 1: the same rate");
        LightGCNModel start = new LightGCN(constant.withEpochs(0 + 1)).fit(train);
        LightGCNModel two = new LightGCN(constant.withEpochs(2)).fit(train);
        LightGCNModel twoDecayed = new LightGCN(decaying.withEpochs(2)).fit(train);
        double moved = distance(start.userEmbeddings(), two.userEmbeddings());
        double movedDecayed = distance(start.userEmbeddings(), twoDecayed.userEmbeddings());
        assertTrue(movedDecayed > 0 && movedDecayed < 0.5 * moved,
                "epoch 2 at a quarter of the rate moves " + movedDecayed + " against " + moved);
    }

    private static double distance(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - y[i]) * (double) (x[i] - y[i]);
        return Math.sqrt(s);
    }

    @Test
    void sameSeedGivesBitIdenticalEmbeddingsAndMetricsWhateverTheThreadCount() {
        InteractionGraph train = PLANTED[0], test = PLANTED[1];
        for (Sampling sampling : Sampling.values()) {
            LightGCNConfig.Builder b = small().epochs(4).evalEvery(2).sampling(sampling);
            LightGCNModel one = new LightGCN(b.build()).fit(train, test, FitOptions.builder().threads(1).build());
            LightGCNModel two = new LightGCN(b.build()).fit(train, test, FitOptions.builder().threads(2).build());
            assertArrayEquals(one.userEmbeddings(), two.userEmbeddings(), 0f);
            assertArrayEquals(one.itemEmbeddings(), two.itemEmbeddings(), 0f);
            assertEquals(one.trainingSummary().lastEvaluation().asMap(), two.trainingSummary().lastEvaluation().asMap());
            LightGCNModel otherSeed = new LightGCN(b.seed(6).build()).fit(train);
            assertFalse(java.util.Arrays.equals(one.userEmbeddings(), otherSeed.userEmbeddings()));
        }
    }

    @Test
    void theCommunityNodeOrderGivesTheNodeIdOrdersRunBitForBit() {
        InteractionGraph train = PLANTED[0], test = PLANTED[1];
        // patience: the best epoch's copy and its restore also go through the order
        LightGCNConfig config = small().epochs(6).evalEvery(2).patience(1).build();
        List<Double> lossesById = new ArrayList<>(), lossesCommunities = new ArrayList<>();
        LightGCNModel byId = new LightGCN(config).inNodeIdOrder()
                .fit(train, test, FitOptions.builder().threads(2).listener(lossesOf(lossesById)).build());
        LightGCNModel communities = new LightGCN(config)
                .fit(train, test, FitOptions.builder().threads(2).listener(lossesOf(lossesCommunities)).build());
        assertEquals(lossesById, lossesCommunities);
        assertArrayEquals(byId.userEmbeddings(), communities.userEmbeddings(), 0f);
        assertArrayEquals(byId.itemEmbeddings(), communities.itemEmbeddings(), 0f);
        assertEquals(byId.trainingSummary().bestEvaluation().asMap(),
                communities.trainingSummary().bestEvaluation().asMap());
        assertEquals(byId.trainingSummary().modelEpoch(), communities.trainingSummary().modelEpoch());
    }

    private static TrainingListener lossesOf(List<Double> losses) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochStats stats) { losses.add(stats.loss()); }
        };
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        InteractionGraph train = PLANTED[0], val = PLANTED[1];
        List<TrainingListener.EvaluationStats> evals = new ArrayList<>();
        // a very high learning rate overfits fast, so validation NDCG peaks early and patience runs out
        LightGCNConfig config = small().learningRate(0.05).l2(0).epochs(200).evalEvery(1).patience(3).build();
        LightGCNModel model = new LightGCN(config).fit(train, val, FitOptions.builder().listener(new TrainingListener() {
            @Override
            public void onEvaluation(EvaluationStats stats) { evals.add(stats); }
        }).build());
        TrainingSummary s = model.trainingSummary();
        assertEquals(StopReason.EARLY_STOPPED, s.stopReason(), "expected an early stop within 200 epochs");
        assertEquals("early-stopped", model.provenance().stopReason());
        assertEquals(s.bestEpoch() + 3, s.epochsRun(), "stops 3 evaluations after the best");
        assertEquals(s.bestEpoch(), s.modelEpoch(), "the best epoch is restored");
        double best = evals.stream().mapToDouble(TrainingListener.EvaluationStats::monitoredValue).max().orElseThrow();
        assertEquals(best, s.bestEvaluation().ndcg(20), 0.0);
        // the returned model is the best epoch's: its validation NDCG@20 is the best seen
        assertEquals(best, model.evaluate(val, 20).ndcg(20), 1e-9);
    }

    @Test
    void withoutPatienceTheModelIsTheLastEpoch() {
        InteractionGraph train = PLANTED[0], val = PLANTED[1];
        LightGCNModel model = new LightGCN(small().epochs(6).evalEvery(2).build()).fit(train, val);
        TrainingSummary s = model.trainingSummary();
        assertEquals(6, s.epochsRun());
        assertEquals(6, s.modelEpoch());
        assertEquals(StopReason.COMPLETED, s.stopReason());
        assertEquals("completed", model.provenance().stopReason());
        assertEquals(s.lastEvaluation().asMap(), model.evaluate(val, 20).asMap());
        assertEquals(s.lastEvaluation().asMap(), s.modelEvaluation().asMap());
        // the best evaluation is still reported, whichever epoch it was
        assertTrue(s.bestEpoch() == 2 || s.bestEpoch() == 4 || s.bestEpoch() == 6);
        assertTrue(s.bestEvaluation().ndcg(20) >= s.lastEvaluation().ndcg(20));
    }

    @Test
    void rejectsMismatchedMonitoringGraph() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LightGCN(small().build()).fit(PLANTED[0], InteractionGraph.empty(5, 5)));
        assertTrue(e.getMessage().contains("same id universe"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LightGCN(small().build()).fit(InteractionGraph.empty(3, 3)));
    }
}
