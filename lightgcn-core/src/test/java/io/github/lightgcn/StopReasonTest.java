package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.train.Checkpoint;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Why a fit ended, as the summary and the provenance say, and what each way of ending leaves behind. */
class StopReasonTest {

    private static final InteractionGraph[] G = Graphs.planted(120, 60, 4, 8, 2, 3);

    private static LightGCNConfig.Builder config() {
        return LightGCNConfig.builder().embeddingDim(8).batchSize(128).learningRate(0.02).epochs(5).evalEvery(10)
                .seed(4);
    }

    @Test
    void labelsAreTheProvenanceStrings() {
        for (StopReason r : StopReason.values()) assertEquals(r, StopReason.fromLabel(r.label()));
        assertEquals("time-bound", StopReason.TIME_BOUND.label());
        var e = assertThrows(IllegalArgumentException.class, () -> StopReason.fromLabel("stopped"));
        assertTrue(e.getMessage().contains("early-stopped"), e.getMessage());
    }

    @Test
    void theTimeBoundEndsTheRunAfterAnEpochEvaluatedAndCheckpointed(@TempDir Path dir) throws IOException {
        Path cp = dir.resolve("t.ckpt");
        LightGCNModel model = new LightGCN(config().build()).fit(G[0], G[1],
                FitOptions.builder().maxTrainingSeconds(1e-9).checkpointEvery(100, cp).build());
        TrainingSummary s = model.trainingSummary();
        assertEquals(StopReason.TIME_BOUND, s.stopReason());
        assertEquals("time-bound", model.provenance().stopReason());
        assertEquals(1, s.epochsRun());
        assertNotNull(s.lastEvaluation(), "the epoch that ends a run is evaluated");
        assertEquals(1, Checkpoint.load(cp).completedEpochs(), "and saved, to be resumed");
    }

    @Test
    void theTimeBoundAtTheLastEpochIsACompletedRun(@TempDir Path dir) {
        Path cp = dir.resolve("t.ckpt");
        TrainingSummary s = new LightGCN(config().epochs(1).build()).fit(G[0], G[1],
                FitOptions.builder().maxTrainingSeconds(1e-9).checkpointEvery(100, cp).build()).trainingSummary();
        assertEquals(StopReason.COMPLETED, s.stopReason());
        assertFalse(Files.exists(cp), "nothing is left to resume");
    }

    @Test
    void aStopRequestedBeforeTheFitIsForgotten() {
        LightGCN trainer = new LightGCN(config().epochs(2).build());
        trainer.requestStop();
        TrainingSummary s = trainer.fit(G[0]).trainingSummary();
        assertEquals(StopReason.COMPLETED, s.stopReason());
        assertEquals(2, s.epochsRun());
    }

    /** minDelta 1: no evaluation after the first can improve, so patience 1 runs out at the second. */
    private static LightGCNConfig.Builder impatient() { return config().evalEvery(1).patience(1).minDelta(1); }

    @Test
    void patienceRunningOutEndsTheRunEarlyUnlessAtTheLastEpoch(@TempDir Path dir) throws IOException {
        TrainingSummary early = new LightGCN(impatient().build()).fit(G[0], G[1]).trainingSummary();
        assertEquals(StopReason.EARLY_STOPPED, early.stopReason());
        assertEquals(2, early.epochsRun());
        assertEquals(1, early.modelEpoch());

        Path cp = dir.resolve("p.ckpt");
        TrainingSummary last = new LightGCN(impatient().epochs(2).build()).fit(G[0], G[1],
                FitOptions.builder().checkpointEvery(1, cp).build()).trainingSummary();
        assertEquals(StopReason.COMPLETED, last.stopReason());
        // the epoch patience ran out at is not saved: resumed with more epochs, the run stops there again
        assertEquals(1, Checkpoint.load(cp).completedEpochs());
        LightGCNModel extended = new LightGCN(impatient().build()).fit(G[0], G[1],
                FitOptions.builder().resumeFrom(cp).build());
        assertEquals(StopReason.EARLY_STOPPED, extended.trainingSummary().stopReason());
        assertEquals(2, extended.trainingSummary().epochsRun());
        LightGCNModel straight = new LightGCN(impatient().build()).fit(G[0], G[1]);
        assertArrayEquals(straight.userEmbeddings(), extended.userEmbeddings(), 0f);
    }
}
