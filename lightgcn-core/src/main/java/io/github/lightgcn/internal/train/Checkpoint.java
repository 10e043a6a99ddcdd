package io.github.lightgcn.internal.train;

import io.github.lightgcn.CheckpointPosition;

import io.github.lightgcn.internal.persist.ChecksummedFile;
import io.github.lightgcn.internal.persist.ChecksummedInput;
import io.github.lightgcn.internal.persist.ChecksummedOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything needed to continue a training run exactly where it stopped: the ego embeddings, Adam's state, the
 * position (epoch and batch), the early-stopping state with the best embeddings so far, the timing, and what the
 * run was made from (configuration and data fingerprints) so that a resume with other settings or data is
 * refused. The sampler needs no state: each epoch's triples are a pure function of (seed, epoch).
 *
 * <p>File: a {@link ChecksummedFile} with magic {@code LGCNCKPT}, written as version 2 (header, payload, checksum
 * footer) atomically; version 1 files (the older container, same payload) are read too.
 *
 * @param completedEpochs   epochs fully trained
 * @param nextBatch         batches of the next epoch already trained (0 at an epoch boundary)
 * @param partialLoss       {total, bpr, reg} loss sums over those batches
 * @param bestEgo           the ego embeddings of the best evaluation so far, or null
 * @param bestMetrics       the best evaluation so far as {@code metric@k → value}, empty when none
 * @param identity          the configuration and data fingerprints of the run ({@link RunIdentity#refusalsToResume}
 *                          decides whether another run may continue it); stored as {@link RunIdentity#toMap()}
 */
public record Checkpoint(int completedEpochs, int nextBatch, double[] partialLoss, float[] ego, long adamStep,
                         float[] adamFirst, float[] adamSecond, double best, int bestEpoch, int withoutImprovement,
                         float[] bestEgo, Map<String, Double> bestMetrics, double trainSeconds, double[] epochSeconds,
                         RunIdentity identity) {

    static final String MAGIC = "LGCNCKPT";
    static final int VERSION = 2;
    static final int OLDEST_READABLE = 1;
    private static final String WHAT = "lightgcn checkpoint";

    /** Writes the checkpoint atomically ({@link io.github.lightgcn.internal.persist.SaveTarget}); returns the file written. */
    public Path save(Path path) throws IOException {
        Map<String, String> metricStrings = new java.util.LinkedHashMap<>();
        bestMetrics.forEach((k, v) -> metricStrings.put(k, Double.toString(v)));
        try (ChecksummedOutput out = ChecksummedFile.create(path, MAGIC, VERSION, WHAT)) {
            out.putInt(completedEpochs).putInt(nextBatch);
            for (int k = 0; k < 3; k++) out.putDouble(partialLoss[k]);
            out.putInt(ego.length).putFloats(ego).putLong(adamStep).putFloats(adamFirst).putFloats(adamSecond);
            out.putDouble(best).putInt(bestEpoch).putInt(withoutImprovement);
            out.putInt(bestEgo == null ? -1 : bestEgo.length);
            if (bestEgo != null) out.putFloats(bestEgo);
            out.putDouble(trainSeconds).putInt(epochSeconds.length);
            for (double s : epochSeconds) out.putDouble(s);
            out.putStrings(identity.toMap()).putStrings(metricStrings);
            return out.commit();
        }
    }

    /**
     * The position of the checkpoint in {@code path}, from its first bytes only (magic, version and the two counts;
     * the checksum is not verified here: {@link #load} verifies the whole file). For tools that need to know where
     * a run stands without reading its tables; a file that is not a checkpoint is an IOException naming it.
     */
    public static CheckpointPosition position(Path path) throws IOException {
        var head = ChecksummedFile.readStart(path, MAGIC, OLDEST_READABLE, VERSION, WHAT, 8).payload();
        return new CheckpointPosition(head.getInt(), head.getInt()); // the first two fields save() writes
    }

    /** Reads and verifies a checkpoint; a truncated, corrupted or foreign file is an IOException naming it. */
    public static Checkpoint load(Path path) throws IOException {
        try (ChecksummedInput in = ChecksummedFile.open(path, MAGIC, OLDEST_READABLE, VERSION, WHAT)) {
            return read(in); // versions 1 and 2 differ in the container only
        }
    }

    private static Checkpoint read(ChecksummedInput in) throws IOException {
        int epochs = in.getInt("completed epochs"), batch = in.getInt("next batch");
        double[] partial = new double[3];
        for (int k = 0; k < 3; k++) partial[k] = in.getDouble("partial loss");
        int n = in.getInt("table size");
        if (n < 0 || epochs < 0 || batch < 0) throw in.inconsistent("negative size or position");
        in.require(12L * n, "ego embeddings and adam moments of " + n + " values");
        float[] ego = in.getFloats(n, "ego embeddings");
        long step = in.getLong("adam step");
        float[] first = in.getFloats(n, "adam first moments");
        float[] second = in.getFloats(n, "adam second moments");
        double best = in.getDouble("best value");
        int bestEpoch = in.getInt("best epoch"), without = in.getInt("evaluations without improvement");
        int bestLength = in.getInt("best table size");
        if (bestLength != -1 && bestLength != n) throw in.inconsistent("best table size " + bestLength);
        float[] bestEgo = bestLength < 0 ? null : in.getFloats(bestLength, "best ego embeddings");
        double seconds = in.getDouble("train seconds");
        int count = in.getInt("epoch count");
        if (count < 0) throw in.inconsistent("negative epoch count");
        in.require(8L * count, "epoch seconds");
        double[] epochSeconds = new double[count];
        for (int e = 0; e < count; e++) epochSeconds[e] = in.getDouble("epoch seconds");
        RunIdentity identity;
        try {
            identity = RunIdentity.fromMap(in.getStrings("identity"));
        } catch (IllegalArgumentException e) {
            throw in.inconsistent("run identity: " + e.getMessage());
        }
        Map<String, Double> bestMetrics = new java.util.LinkedHashMap<>();
        for (var e : in.getStrings("best metrics").entrySet()) {
            try {
                bestMetrics.put(e.getKey(), Double.parseDouble(e.getValue()));
            } catch (NumberFormatException ex) {
                throw in.inconsistent("best metric " + e.getKey() + " is not a number");
            }
        }
        in.expectEnd();
        return new Checkpoint(epochs, batch, partial, ego, step, first, second, best, bestEpoch, without, bestEgo,
                bestMetrics, seconds, epochSeconds, identity);
    }
}
