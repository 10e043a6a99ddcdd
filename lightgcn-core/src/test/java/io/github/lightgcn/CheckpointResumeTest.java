package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Graphs;
import io.github.lightgcn.internal.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A run stopped and resumed from its checkpoint ends bit-identical to an uninterrupted run. */
class CheckpointResumeTest {

    private static final InteractionGraph[] G = Graphs.planted(200, 90, 5, 10, 2, 21);

    private static LightGCNConfig.Builder config() {
        // 1,800 training edges / batch 256 → 8 batches per epoch; patience on, so best-state tracking is resumed too
        return LightGCNConfig.builder().embeddingDim(12).batchSize(256).learningRate(0.02).epochs(7).evalEvery(2)
                .patience(10).sampling(Sampling.USER_UNIFORM).seed(9);
    }

    /** Stops the run after a given epoch (batch 0) or a given batch of an epoch. */
    private static TrainingListener stopAt(LightGCN trainer, int epoch, int batch) {
        return new TrainingListener() {
            @Override
            public void onBatch(int e, int b, int batches) {
                if (batch > 0 && e == epoch && b == batch) trainer.requestStop();
            }

            @Override
            public void onEpoch(EpochStats stats) {
                if (batch == 0 && stats.epoch() == epoch) trainer.requestStop();
            }
        };
    }

    /** Records each epoch's reported losses (mean loss, BPR, L2) by epoch. */
    private static TrainingListener epochLosses(java.util.Map<Integer, java.util.List<Double>> into) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochStats s) { into.put(s.epoch(), java.util.List.of(s.loss(), s.bprLoss(), s.regLoss())); }
        };
    }

    private static FitOptions.Builder options() { return FitOptions.builder(); }

    private void assertResumeEqualsUninterrupted(int stopEpoch, int stopBatch, Path dir) throws IOException {
        assertResumeEqualsUninterrupted(stopEpoch, stopBatch, dir, Loss.paper());
    }

    private void assertResumeEqualsUninterrupted(int stopEpoch, int stopBatch, Path dir, Loss loss) throws IOException {
        assertResumeEqualsUninterrupted(stopEpoch, stopBatch, dir, loss, 1);
    }

    private void assertResumeEqualsUninterrupted(int stopEpoch, int stopBatch, Path dir, Loss loss, double decay)
            throws IOException {
        var uninterruptedLosses = new java.util.TreeMap<Integer, java.util.List<Double>>();
        LightGCNModel uninterrupted = new LightGCN(config().loss(loss).learningRateDecay(decay).build())
                .fit(G[0], G[1], options().threads(2).listener(epochLosses(uninterruptedLosses)).build());

        Path cp = dir.resolve("run.ckpt");
        LightGCN first = new LightGCN(config().loss(loss).learningRateDecay(decay).build());
        LightGCNModel partial = first.fit(G[0], G[1], options().threads(2).checkpointEvery(100, cp)
                .listener(stopAt(first, stopEpoch, stopBatch)).build());
        assertEquals(StopReason.INTERRUPTED, partial.trainingSummary().stopReason());
        assertEquals("interrupted", partial.provenance().stopReason());
        assertTrue(Files.exists(cp), "a stop request saves a checkpoint");
        Checkpoint saved = Checkpoint.load(cp);
        assertEquals(stopBatch == 0 ? stopEpoch : stopEpoch - 1, saved.completedEpochs());
        assertEquals(stopBatch, saved.nextBatch());
        assertEquals(new CheckpointPosition(saved.completedEpochs(), stopBatch), CheckpointPosition.read(cp));

        // resumed with another thread count: the result must not change
        var resumedLosses = new java.util.TreeMap<Integer, java.util.List<Double>>();
        LightGCNModel resumed = new LightGCN(config().loss(loss).learningRateDecay(decay).build())
                .fit(G[0], G[1], options().threads(1).resumeFrom(cp).listener(epochLosses(resumedLosses)).build());
        assertEquals(StopReason.COMPLETED, resumed.trainingSummary().stopReason());
        // the epoch the run was stopped in reports the loss of all its batches, as the uninterrupted run does
        assertEquals(stopBatch == 0 ? stopEpoch + 1 : stopEpoch, resumedLosses.firstKey());
        assertEquals(uninterruptedLosses.tailMap(resumedLosses.firstKey()), resumedLosses);
        assertArrayEquals(uninterrupted.userEmbeddings(), resumed.userEmbeddings(), 0f);
        assertArrayEquals(uninterrupted.itemEmbeddings(), resumed.itemEmbeddings(), 0f);
        assertEquals(uninterrupted.trainingSummary().bestEpoch(), resumed.trainingSummary().bestEpoch());
        assertEquals(uninterrupted.trainingSummary().modelEpoch(), resumed.trainingSummary().modelEpoch());
        assertEquals(uninterrupted.trainingSummary().bestEvaluation().asMap(),
                resumed.trainingSummary().bestEvaluation().asMap());
    }

    @Test
    void resumeAfterAnEpochEqualsUninterruptedRun(@TempDir Path dir) throws IOException {
        assertResumeEqualsUninterrupted(3, 0, dir);
    }

    @Test
    void resumeInTheMiddleOfAnEpochEqualsUninterruptedRun(@TempDir Path dir) throws IOException {
        assertResumeEqualsUninterrupted(4, 3, dir);
    }

    /** Every loss resumes exactly, also in the middle of an epoch (the per-batch negatives are drawn again). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bpr(negatives=3)",
            "sampled-softmax(negatives=6, temperature=0.2, score=cosine)", "sampled-softmax(negatives=2, temperature=1.0, score=dot)",
            "direct-au(gamma=1.0)", "implicit-squared(unobserved=4.0)"})
    void everyLossResumesInTheMiddleOfAnEpochToTheUninterruptedRun(String loss, @TempDir Path dir) throws IOException {
        assertResumeEqualsUninterrupted(4, 3, dir, Loss.parse(loss));
    }

    /** The schedule's rate comes from the epoch alone, so a decaying run resumes exactly too. */
    @Test
    void aDecayingLearningRateResumesInTheMiddleOfAnEpochToTheUninterruptedRun(@TempDir Path dir) throws IOException {
        assertResumeEqualsUninterrupted(4, 3, dir, Loss.paper(), 0.7);
    }

    @Test
    void aCheckpointOfOneLossIsNotResumedWithAnother(@TempDir Path dir) {
        Path cp = dir.resolve("l.ckpt");
        new LightGCN(config().epochs(1).loss(new Loss.Bpr(2)).build()).fit(G[0], G[1],
                options().checkpointEvery(1, cp).build());
        var e = assertThrows(IllegalArgumentException.class, () -> new LightGCN(config().loss(new Loss.Bpr(3)).build())
                .fit(G[0], G[1], options().resumeFrom(cp).build()));
        assertTrue(e.getMessage().contains("config.loss = bpr(negatives=2) there, bpr(negatives=3) here"), e.getMessage());
    }

    @Test
    void periodicCheckpointsAndResumeWithMoreEpochs(@TempDir Path dir) throws IOException {
        Path cp = dir.resolve("p.ckpt");
        new LightGCN(config().epochs(4).build()).fit(G[0], G[1], options().checkpointEvery(2, cp).build());
        assertEquals(4, Checkpoint.load(cp).completedEpochs());
        LightGCNModel extended = new LightGCN(config().build()).fit(G[0], G[1], options().resumeFrom(cp).build());
        LightGCNModel straight = new LightGCN(config().build()).fit(G[0], G[1]);
        assertArrayEquals(straight.userEmbeddings(), extended.userEmbeddings(), 0f);
        assertEquals(straight.trainingSummary().bestEpoch(), extended.trainingSummary().bestEpoch());
        assertEquals(straight.trainingSummary().bestEvaluation().asMap(),
                extended.trainingSummary().bestEvaluation().asMap());
    }

    @Test
    void resumeWithOtherSettingsOrDataIsRefused(@TempDir Path dir) {
        Path cp = dir.resolve("r.ckpt");
        new LightGCN(config().epochs(2).build()).fit(G[0], G[1], options().checkpointEvery(1, cp).build());
        FitOptions resume = options().resumeFrom(cp).build();
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LightGCN(config().learningRate(0.5).build()).fit(G[0], G[1], resume));
        assertTrue(e.getMessage().contains("config.learningRate = 0.02 there, 0.5 here"), e.getMessage());
        assertFalse(e.getMessage().contains("epochs"), "epochs may differ: " + e.getMessage());
        InteractionGraph other = Graphs.planted(200, 90, 5, 10, 2, 22)[0];
        e = assertThrows(IllegalArgumentException.class, () -> new LightGCN(config().build()).fit(other, G[1], resume));
        assertTrue(e.getMessage().contains("train.fingerprint") && e.getMessage().contains("made on other data"),
                e.getMessage());
    }

    @Test
    void corruptedCheckpointIsAClearError(@TempDir Path dir) throws IOException {
        Path cp = dir.resolve("c.ckpt");
        new LightGCN(config().epochs(1).build()).fit(G[0], null, options().checkpointEvery(1, cp).build());
        byte[] bytes = Files.readAllBytes(cp);
        bytes[bytes.length / 2] ^= 4;
        Files.write(cp, bytes);
        var e = assertThrows(UncheckedIOException.class,
                () -> new LightGCN(config().build()).fit(G[0], null, options().resumeFrom(cp).build()));
        assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains(cp.toString()),
                e.getMessage());
        Path other = dir.resolve("not-a-checkpoint.txt");
        Files.writeString(other, "user item item item\n0 1 2 3 4 5 6 7 8 9 10 11 12\n");
        var notCheckpoint = assertThrows(IOException.class, () -> CheckpointPosition.read(other));
        assertTrue(notCheckpoint.getMessage().contains(other.toString()), notCheckpoint.getMessage());
        var tooShort = assertThrows(IOException.class, () -> CheckpointPosition.read(Files.writeString(dir.resolve("s"), "x")));
        assertTrue(tooShort.getMessage().contains("shorter"), tooShort.getMessage());
    }

    @Test
    void nonFiniteStateStopsTrainingNamingEpochAndBatch(@TempDir Path dir) throws IOException {
        Path cp = dir.resolve("nan.ckpt");
        new LightGCN(config().epochs(2).build()).fit(G[0], G[1], options().checkpointEvery(2, cp).build());
        Checkpoint good = Checkpoint.load(cp);
        float[] ego = good.ego().clone();
        java.util.Arrays.fill(ego, Float.NaN);
        Path bad = dir.resolve("bad.ckpt");
        new Checkpoint(good.completedEpochs(), good.nextBatch(), good.partialLoss(), ego, good.adamStep(),
                good.adamFirst(), good.adamSecond(), good.best(), good.bestEpoch(), good.withoutImprovement(),
                good.bestEgo(), good.bestMetrics(), good.trainSeconds(), good.epochSeconds(), good.identity()).save(bad);
        var e = assertThrows(TrainingDivergedException.class,
                () -> new LightGCN(config().build()).fit(G[0], G[1],
                        options().resumeFrom(bad).checkpointEvery(1, cp).build()));
        assertEquals(3, e.epoch());
        assertEquals(1, e.batch());
        assertTrue(e.getMessage().contains("epoch 3, batch 1") && e.getMessage().contains("smaller learning rate")
                && e.getMessage().contains("last good checkpoint"), e.getMessage());
        assertEquals(2, Checkpoint.load(cp).completedEpochs(), "the good checkpoint is kept");
    }

    @Test
    void aRunThatCannotFitInTheHeapFailsEarlyWithTheXmxToUse() {
        InteractionGraph huge = InteractionGraph.fromPairs(2_000_000, 10, new int[]{0}, new int[]{0});
        var e = assertThrows(InsufficientMemoryException.class,
                () -> new LightGCN(LightGCNConfig.builder().embeddingDim(4096).build()).fit(huge));
        assertTrue(e.neededBytes() > Runtime.getRuntime().maxMemory());
        assertTrue(e.getMessage().contains("-Xmx") && e.getMessage().contains("MiB"), e.getMessage());
    }

    @Test
    void theMemoryCheckCountsTheCopiesACheckpointIsWrittenFrom(@TempDir Path dir) {
        InteractionGraph huge = InteractionGraph.fromPairs(2_000_000, 10, new int[]{0}, new int[]{0});
        LightGCNConfig config = LightGCNConfig.builder().embeddingDim(4096).build();
        long plain = assertThrows(InsufficientMemoryException.class, () -> new LightGCN(config).fit(huge)).neededBytes();
        long checkpointing = assertThrows(InsufficientMemoryException.class,
                () -> new LightGCN(config).fit(huge, null,
                        FitOptions.builder().checkpointEvery(1, dir.resolve("c.ckpt")).build())).neededBytes();
        assertEquals(3L * 4 * 2_000_010 * 4096, checkpointing - plain, "ego table and both Adam moments, plain");
    }
}
