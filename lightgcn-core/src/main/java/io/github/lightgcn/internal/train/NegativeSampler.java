package io.github.lightgcn.internal.train;

import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.Sampling;
import io.github.lightgcn.random.Rng;

import io.github.lightgcn.graph.InteractionGraph;

/**
 * Draws the training triples of one epoch ({@link Sampling}). Negatives are uniform over all item ids
 * {@code 0..numItems-1} and redrawn while they are a training positive of the user. When users × items bits fit in
 * {@value #MAX_BITSET_BYTES} bytes (MAL, LastFM), the positives are looked up in a bitset instead of by binary search
 * (the same answers, so the same triples).
 */
public final class NegativeSampler {

    private final InteractionGraph train;
    private final Sampling mode;
    private final int[] activeUsers;
    private final int[] edgeUsers; // user of each edge, in CSR order
    /** Bitset bytes at most: 8 MB, a few per cent of the training tables of a graph that small. */
    static final int MAX_BITSET_BYTES = 8 << 20;
    private final long[] positives; // bit (u·words·64 + i): item i is a positive of user u; null: binary search
    private final int words;        // longs per user in positives

    public NegativeSampler(InteractionGraph train, Sampling mode) {
        this(train, mode, MAX_BITSET_BYTES);
    }

    /** With the bitset only when it takes at most {@code maxBitsetBytes} (0: always binary search; for tests). */
    NegativeSampler(InteractionGraph train, Sampling mode, long maxBitsetBytes) {
        this.train = train;
        this.mode = mode;
        int[] offsets = GraphArrays.userOffsets(train);
        this.activeUsers = new int[train.activeUsers()];
        int a = 0;
        for (int u = 0; u < train.numUsers(); u++) if (offsets[u + 1] > offsets[u]) activeUsers[a++] = u;
        this.edgeUsers = new int[train.numEdges()];
        for (int u = 0; u < train.numUsers(); u++) {
            for (int p = offsets[u]; p < offsets[u + 1]; p++) edgeUsers[p] = u;
        }
        this.words = (train.numItems() + 63) >>> 6;
        this.positives = (long) train.numUsers() * words * Long.BYTES <= maxBitsetBytes
                ? bitset(offsets, GraphArrays.userItems(train), train.numUsers(), words) : null;
        for (int u : activeUsers) {
            if (train.userDegree(u) >= train.numItems()) {
                throw new IllegalArgumentException("user " + u + " has interacted with all " + train.numItems()
                        + " items: no negative item can be sampled for it");
            }
        }
    }

    private static long[] bitset(int[] offsets, int[] items, int users, int words) {
        long[] bits = new long[users * words];
        for (int u = 0; u < users; u++) {
            for (int p = offsets[u]; p < offsets[u + 1]; p++) bits[u * words + (items[p] >>> 6)] |= 1L << items[p];
        }
        return bits;
    }

    /** Whether positives are looked up in the bitset; for tests. */
    boolean usesBitset() { return positives != null; }

    /** The triples of one epoch: exactly |train edges| of them, one negative each. */
    public Triples sampleEpoch(Rng rng) {
        return sampleEpoch(rng, 1);
    }

    /**
     * The |train edges| positives of one epoch, each repeated as {@code negativesPerPositive} consecutive triples
     * with its own negative (drawn after all the positives, positive by positive); with 0 the positives only (no
     * negatives: a loss without negatives, or one that draws them per batch with {@link #sampleNegatives}). With 1
     * these are {@link #sampleEpoch(Rng)}'s triples.
     */
    public Triples sampleEpoch(Rng rng, int negativesPerPositive) {
        if (negativesPerPositive < 0) {
            throw new IllegalArgumentException("negativesPerPositive must be >= 0, got " + negativesPerPositive);
        }
        int n = train.numEdges(), per = Math.max(1, negativesPerPositive);
        int[] users = new int[n], positives = new int[n];
        int[] offsets = GraphArrays.userOffsets(train), items = GraphArrays.userItems(train);
        if (mode == Sampling.EDGE_UNIFORM) {
            int[] order = new int[n];
            for (int p = 0; p < n; p++) order[p] = p;
            for (int p = n - 1; p > 0; p--) { // Fisher–Yates
                int q = rng.nextInt(p + 1);
                int t = order[p];
                order[p] = order[q];
                order[q] = t;
            }
            for (int p = 0; p < n; p++) {
                users[p] = edgeUsers[order[p]];
                positives[p] = items[order[p]];
            }
        } else {
            for (int p = 0; p < n; p++) {
                int u = activeUsers[rng.nextInt(activeUsers.length)];
                users[p] = u;
                positives[p] = items[offsets[u] + rng.nextInt(offsets[u + 1] - offsets[u])];
            }
        }
        if (negativesPerPositive == 0) return new Triples(users, positives, new int[0]);
        if (per > 1) {
            users = repeat(users, per);
            positives = repeat(positives, per);
        }
        int[] negatives = new int[users.length];
        for (int p = 0; p < negatives.length; p++) negatives[p] = sampleNegative(users[p], rng);
        return new Triples(users, positives, negatives);
    }

    private static int[] repeat(int[] values, int times) {
        int[] out = new int[Math.multiplyExact(values.length, times)];
        for (int p = 0, q = 0; p < values.length; p++) {
            for (int k = 0; k < times; k++) out[q++] = values[p];
        }
        return out;
    }

    /**
     * {@code perPositive} negatives for each of {@code users[from, to)}, positive by positive: entry
     * {@code (p − from)·perPositive + k} is the k-th negative of user {@code users[p]}.
     */
    public int[] sampleNegatives(int[] users, int from, int to, int perPositive, Rng rng) {
        int[] out = new int[Math.multiplyExact(to - from, perPositive)];
        for (int p = from, q = 0; p < to; p++) {
            for (int k = 0; k < perPositive; k++) out[q++] = sampleNegative(users[p], rng);
        }
        return out;
    }

    /** A uniform item id that is not a training positive of {@code user}. */
    public int sampleNegative(int user, Rng rng) {
        int numItems = train.numItems();
        if (positives != null) {
            int row = user * words;
            while (true) {
                int j = rng.nextInt(numItems);
                if ((positives[row + (j >>> 6)] & (1L << j)) == 0) return j;
            }
        }
        while (true) {
            int j = rng.nextInt(numItems);
            if (!train.contains(user, j)) return j;
        }
    }
}
