package io.github.lightgcn.io.split;

import io.github.lightgcn.random.Rng;

/**
 * Leave-one-out: for each user with at least {@code minInteractions} interactions, one random interaction goes
 * to test and another to validation, the rest to train; users with fewer stay entirely in train.
 *
 * @param minInteractions at least 3 (one each for train, validation and test)
 */
public record LeaveOneOutSplitter(int minInteractions) implements Splitter {

    private static final long PURPOSE = 0x4c4541564531L; // "LEAVE1": its own random streams

    /** @throws IllegalArgumentException if minInteractions is below 3 */
    public LeaveOneOutSplitter {
        if (minInteractions < 3) throw new IllegalArgumentException("minInteractions must be >= 3, got " + minInteractions);
    }

    /** Users with at least 3 interactions. */
    public LeaveOneOutSplitter() {
        this(3);
    }

    @Override
    public Split split(Interactions all, long seed) {
        byte[] part = new byte[all.size()];
        int[] runs = Parts.userRuns(all);
        for (int r = 0; r + 1 < runs.length; r++) {
            int from = runs[r], k = runs[r + 1] - from;
            if (k < minInteractions) continue;
            Rng rng = Parts.userStream(seed, PURPOSE, all.userId(from));
            int test = rng.nextInt(k);
            int val = rng.nextInt(k - 1);
            if (val >= test) val++; // a different interaction than the test one
            part[from + test] = Parts.TEST;
            part[from + val] = Parts.VAL;
        }
        return Parts.toSplit(all, part);
    }
}
