package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;

import java.util.Arrays;

/**
 * Full-ranking evaluation: for every user with at least one relevant item, all items are scored, the user's
 * masked (training) items are removed, the top max(K) are selected, and recall, precision, NDCG and hit rate are
 * computed at every K in one pass. Users are processed in blocks (memory: threads × block × items floats),
 * blocks in parallel; per-user results are summed in user order, so the metrics do not depend on the thread count.
 */
public final class Evaluator {

    private static final int METRICS = Metric.values().length;

    private final int[] ks;
    private final int maxK;
    private final int blockSize;
    private final Workers workers;

    /**
     * @param ks        the cut-offs (each ≥ 1; sorted and deduplicated here)
     * @param blockSize users scored at a time per thread (≥ 1)
     */
    public Evaluator(int[] ks, int blockSize, Workers workers) {
        if (ks.length == 0) throw new IllegalArgumentException("at least one K is needed");
        int[] sorted = Arrays.stream(ks).sorted().distinct().toArray();
        if (sorted[0] < 1) throw new IllegalArgumentException("every K must be >= 1, got " + sorted[0]);
        if (blockSize < 1) throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        this.ks = sorted;
        this.maxK = sorted[sorted.length - 1];
        this.blockSize = blockSize;
        this.workers = workers;
    }

    /**
     * @param mask     items never ranked for a user (the training interactions)
     * @param relevant the held-out interactions that count as hits
     */
    public Metrics evaluate(Scorer scorer, InteractionGraph mask, InteractionGraph relevant) {
        if (mask.numUsers() != relevant.numUsers() || mask.numItems() != relevant.numItems()
                || scorer.numItems() != relevant.numItems()) {
            throw new IllegalArgumentException("evaluation graphs disagree on size: mask " + mask.numUsers() + " x "
                    + mask.numItems() + ", relevant " + relevant.numUsers() + " x " + relevant.numItems()
                    + ", scorer items " + scorer.numItems());
        }
        int[] users = usersWithRelevantItems(relevant);
        int n = users.length;
        int numItems = relevant.numItems();
        double[] perUser = new double[n * METRICS * ks.length];
        int blocks = (n + blockSize - 1) / blockSize;
        if (scorer instanceof EmbeddingScorer embeddings) {
            new BlockedRanking(embeddings, maxK, blockSize, workers).rank(users, mask, (user, p, top, found) ->
                    metrics(user, top, found, relevant, perUser, p * METRICS * ks.length));
        } else {
            ThreadLocal<BlockScratch> scratch = ThreadLocal.withInitial(() -> new BlockScratch(blockSize, numItems, maxK));
            workers.run(blocks, b -> {
                int from = b * blockSize, to = Math.min(n, from + blockSize);
                BlockScratch s = scratch.get();
                scorer.scoreBlock(users, from, to, s.scores);
                for (int r = 0; r < to - from; r++) {
                    rankOne(users[from + r], s.scores, r * numItems, mask, relevant, s, perUser,
                            (from + r) * METRICS * ks.length);
                }
            });
        }
        double[][] means = new double[METRICS][ks.length];
        for (int p = 0; p < n; p++) { // sequential sum in user order: deterministic
            for (int m = 0; m < METRICS; m++) {
                for (int k = 0; k < ks.length; k++) means[m][k] += perUser[(p * METRICS + m) * ks.length + k];
            }
        }
        if (n > 0) for (double[] row : means) for (int k = 0; k < ks.length; k++) row[k] /= n;
        return Metrics.of(ks, means, n);
    }

    private static int[] usersWithRelevantItems(InteractionGraph relevant) {
        int count = relevant.activeUsers();
        int[] users = new int[count];
        int c = 0;
        for (int u = 0; u < relevant.numUsers(); u++) if (relevant.userDegree(u) > 0) users[c++] = u;
        return users;
    }

    private void rankOne(int user, float[] scores, int offset, InteractionGraph mask, InteractionGraph relevant,
                         BlockScratch s, double[] out, int outOffset) {
        int[] mOff = GraphArrays.userOffsets(mask), mIdx = GraphArrays.userItems(mask);
        int mp = mOff[user], mEnd = mOff[user + 1];
        int numItems = relevant.numItems();
        TopK top = s.top;
        top.clear();
        for (int i = 0; i < numItems; i++) {
            if (mp < mEnd && mIdx[mp] == i) { // masked items come in ascending order
                mp++;
                continue;
            }
            float score = scores[offset + i];
            if (top.couldEnter(score)) top.offer(i, score);
        }
        int found = top.drainBestFirst(s.topItems, null);
        metrics(user, s.topItems, found, relevant, out, outOffset);
    }

    /** Recall, precision, NDCG and hit rate at every K of one user's ranked list (best first). */
    private void metrics(int user, int[] topItems, int found, InteractionGraph relevant, double[] out, int outOffset) {
        int relevantCount = relevant.userDegree(user);
        double hits = 0, dcg = 0;
        int kIdx = 0;
        for (int rank = 0; rank < maxK && kIdx < ks.length; rank++) {
            if (rank < found && relevant.contains(user, topItems[rank])) {
                hits++;
                dcg += 1.0 / log2(rank + 2);
            }
            while (kIdx < ks.length && ks[kIdx] == rank + 1) {
                int k = ks[kIdx];
                double idcg = idealDcg(Math.min(relevantCount, k));
                out[outOffset + Metric.RECALL.ordinal() * ks.length + kIdx] = hits / relevantCount;
                out[outOffset + Metric.PRECISION.ordinal() * ks.length + kIdx] = hits / k;
                out[outOffset + Metric.NDCG.ordinal() * ks.length + kIdx] = dcg / idcg;
                out[outOffset + Metric.HIT_RATE.ordinal() * ks.length + kIdx] = hits > 0 ? 1 : 0;
                kIdx++;
            }
        }
    }

    private static double log2(int x) { return Math.log(x) / Math.log(2); }

    /** Σ_{r=0}^{n-1} 1 / log2(r + 2). */
    static double idealDcg(int n) {
        double s = 0;
        for (int r = 0; r < n; r++) s += 1.0 / log2(r + 2);
        return s;
    }

    private static final class BlockScratch {
        final float[] scores;
        final TopK top;
        final int[] topItems;

        BlockScratch(int blockSize, int numItems, int maxK) {
            this.scores = new float[blockSize * numItems];
            this.top = new TopK(maxK);
            this.topItems = new int[maxK];
        }
    }
}
