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

    /** The triples of one epoch: exactly |train edges| of them. */
    public Triples sampleEpoch(Rng rng) {
        int n = train.numEdges();
        int[] users = new int[n], positives = new int[n], negatives = new int[n];
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
        for (int p = 0; p < n; p++) negatives[p] = sampleNegative(users[p], rng);
        return new Triples(users, positives, negatives);
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
