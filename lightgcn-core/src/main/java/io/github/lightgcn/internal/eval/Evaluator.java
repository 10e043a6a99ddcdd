package io.github.lightgcn.internal.eval;

import io.github.lightgcn.eval.EvaluationListener;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full-ranking evaluation: every user with at least one relevant item gets the top max(K) of all items, the
 * user's masked (training) items left out, through the {@link Ranker}'s own {@link Ranking}; every {@link Metric}
 * is computed at every K in one pass over each list. Per-user results are summed in user order, so the metrics do
 * not depend on the thread count or block size. Which ranking ran is logged at DEBUG level (logger
 * {@value #LOGGER}).
 */
public final class Evaluator {

    /** The System.Logger the evaluator reports its ranking method to. */
    public static final String LOGGER = "io.github.lightgcn.eval";

    private static final int METRICS = Metric.values().length;
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final int[] ks;
    private final int maxK;
    private final int blockSize;
    private final Workers workers;

    /**
     * @param ks        the cut-offs (each ≥ 1; sorted and deduplicated here)
     * @param blockSize users ranked together by one task (≥ 1)
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

    /** An evaluation as the options say, on threads of its own. */
    public static Metrics run(Ranker ranker, InteractionGraph mask, InteractionGraph relevant,
                              EvaluationOptions options) {
        try (Workers workers = new Workers(options.threads())) {
            return new Evaluator(options.ks(), options.blockSize(), workers).evaluate(ranker, mask, relevant,
                    options.listener());
        }
    }

    /**
     * @param mask     items never ranked for a user (the training interactions)
     * @param relevant the held-out interactions that count as hits
     */
    public Metrics evaluate(Ranker ranker, InteractionGraph mask, InteractionGraph relevant) {
        return evaluate(ranker, mask, relevant, null);
    }

    /** As {@link #evaluate(Ranker, InteractionGraph, InteractionGraph)}, telling {@code listener} (may be null). */
    public Metrics evaluate(Ranker ranker, InteractionGraph mask, InteractionGraph relevant,
                            EvaluationListener listener) {
        if (mask.numUsers() != relevant.numUsers() || mask.numItems() != relevant.numItems()
                || ranker.numItems() != relevant.numItems()) {
            throw new IllegalArgumentException("evaluation graphs disagree on size: mask " + mask.numUsers() + " x "
                    + mask.numItems() + ", relevant " + relevant.numUsers() + " x " + relevant.numItems()
                    + ", ranker items " + ranker.numItems());
        }
        int[] users = usersWithRelevantItems(relevant);
        int n = users.length;
        double[] perUser = new double[n * METRICS * ks.length];
        Ranking ranking = ranker.prepare(maxK, blockSize, workers);
        LOG.log(System.Logger.Level.DEBUG, () -> "lightgcn: evaluating " + n + " users by " + ranking.method());
        Progress progress = listener == null ? null : new Progress(listener, n, blockSize);
        ranking.rank(users, mask, null, (user, p, top, scores, found) -> {
            metrics(user, top, found, relevant, perUser, p * METRICS * ks.length);
            if (progress != null) progress.oneMore();
        });
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

    /** Every metric at every K of one user's ranked list (best first). */
    private void metrics(int user, int[] topItems, int found, InteractionGraph relevant, double[] out, int outOffset) {
        int relevantCount = relevant.userDegree(user);
        double hits = 0, dcg = 0, precisionSum = 0, reciprocalRank = 0;
        int kIdx = 0;
        for (int rank = 0; rank < maxK && kIdx < ks.length; rank++) {
            if (rank < found && relevant.contains(user, topItems[rank])) {
                hits++;
                dcg += 1.0 / log2(rank + 2);
                precisionSum += hits / (rank + 1);
                if (reciprocalRank == 0) reciprocalRank = 1.0 / (rank + 1);
            }
            while (kIdx < ks.length && ks[kIdx] == rank + 1) {
                int k = ks[kIdx];
                double idcg = idealDcg(Math.min(relevantCount, k));
                out[outOffset + Metric.RECALL.ordinal() * ks.length + kIdx] = hits / relevantCount;
                out[outOffset + Metric.PRECISION.ordinal() * ks.length + kIdx] = hits / k;
                out[outOffset + Metric.NDCG.ordinal() * ks.length + kIdx] = dcg / idcg;
                out[outOffset + Metric.HIT_RATE.ordinal() * ks.length + kIdx] = hits > 0 ? 1 : 0;
                out[outOffset + Metric.MAP.ordinal() * ks.length + kIdx] = precisionSum / Math.min(relevantCount, k);
                out[outOffset + Metric.MRR.ordinal() * ks.length + kIdx] = reciprocalRank;
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

    /** Counts ranked users and tells the listener once per block's worth, one call at a time, always increasing. */
    private static final class Progress {
        private final EvaluationListener listener;
        private final int total, every;
        private final AtomicInteger done = new AtomicInteger();
        private int told;

        Progress(EvaluationListener listener, int total, int every) {
            this.listener = listener;
            this.total = total;
            this.every = every;
        }

        void oneMore() {
            int d = done.incrementAndGet();
            if (d % every != 0 && d != total) return;
            synchronized (this) {
                int now = done.get();
                if (now > told) {
                    told = now;
                    listener.usersRanked(now, total);
                }
            }
        }
    }
}
