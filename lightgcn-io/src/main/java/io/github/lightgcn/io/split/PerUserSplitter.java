package io.github.lightgcn.io.split;

import io.github.lightgcn.random.Rng;

import java.util.Objects;

/**
 * Per-user holdout: each user's interactions are shuffled and cut by the ratios, so every user with enough
 * interactions appears in train, validation and test. A user with {@code k >= minInteractions} interactions
 * gives {@code max(1, floor(val * k))} to validation and {@code max(1, floor(test * k))} to test (0 for a zero
 * ratio), always leaving at least one to train; users with fewer interactions stay entirely in train.
 *
 * @param minInteractions at least 1 + the number of non-zero holdout ratios
 */
public record PerUserSplitter(SplitRatios ratios, int minInteractions) implements Splitter {

    private static final long PURPOSE = 0x5045525553455231L; // "PERUSER1": its own random streams

    /** @throws IllegalArgumentException if minInteractions is below what the ratios need */
    public PerUserSplitter {
        Objects.requireNonNull(ratios, "ratios");
        int needed = 1 + (ratios.val() > 0 ? 1 : 0) + (ratios.test() > 0 ? 1 : 0);
        if (minInteractions < needed) {
            throw new IllegalArgumentException("minInteractions must be >= " + needed + " for ratios " + ratios
                    + ", got " + minInteractions);
        }
    }

    /** 80/10/10 for users with at least 3 interactions. */
    public PerUserSplitter(SplitRatios ratios) {
        this(ratios, 3);
    }

    @Override
    public Split split(Interactions all, long seed) {
        byte[] part = new byte[all.size()];
        int[] runs = Parts.userRuns(all);
        int[] order = new int[all.size()];
        for (int p = 0; p < order.length; p++) order[p] = p;
        for (int r = 0; r + 1 < runs.length; r++) {
            int from = runs[r], to = runs[r + 1], k = to - from;
            if (k < minInteractions) continue;
            Rng rng = Parts.userStream(seed, PURPOSE, all.userId(from));
            Parts.shuffle(order, from, to, rng);
            int val = holdout(ratios.val(), k), test = holdout(ratios.test(), k);
            while (val + test > k - 1) { // keep one for train
                if (val >= test) val--;
                else test--;
            }
            for (int j = 0; j < val; j++) part[order[from + j]] = Parts.VAL;
            for (int j = val; j < val + test; j++) part[order[from + j]] = Parts.TEST;
        }
        return Parts.toSplit(all, part);
    }

    private static int holdout(double ratio, int k) {
        return ratio == 0 ? 0 : Math.max(1, (int) Math.floor(ratio * k));
    }
}
