package io.github.lightgcn.io.split;

import io.github.lightgcn.random.Rng;

/** What the splitters share: a part label per interaction, per-user runs, shuffles. */
final class Parts {

    static final byte TRAIN = 0, VAL = 1, TEST = 2;

    private Parts() {}

    /** The split whose part of interaction {@code p} is {@code part[p]}; each part keeps the sorted order. */
    static Split toSplit(Interactions all, byte[] part) {
        int[] counts = new int[3];
        for (byte b : part) counts[b]++;
        int[][] positions = {new int[counts[0]], new int[counts[1]], new int[counts[2]]};
        int[] fill = new int[3];
        for (int p = 0; p < part.length; p++) positions[part[p]][fill[part[p]]++] = p;
        return new Split(all.select(positions[0], counts[0]), all.select(positions[1], counts[1]),
                all.select(positions[2], counts[2]));
    }

    /**
     * Start offsets of each user's run of interactions (the pairs are sorted by user), with a final entry equal
     * to the size: user run {@code k} is {@code [starts[k], starts[k+1])}.
     */
    static int[] userRuns(Interactions all) {
        int n = all.size(), runs = 0;
        for (int p = 0; p < n; p++) if (p == 0 || all.userId(p) != all.userId(p - 1)) runs++;
        int[] starts = new int[runs + 1];
        int k = 0;
        for (int p = 0; p < n; p++) if (p == 0 || all.userId(p) != all.userId(p - 1)) starts[k++] = p;
        starts[runs] = n;
        return starts;
    }

    /** Fisher–Yates over {@code a[from, to)}. */
    static void shuffle(int[] a, int from, int to, Rng rng) {
        for (int i = to - 1; i > from; i--) {
            int j = from + rng.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The random stream of one user: depends on the seed and the user id only, not on other users. */
    static Rng userStream(long seed, long purpose, int userId) {
        return Rng.stream(seed, purpose, userId);
    }
}
