package io.github.lightgcn.graph;

import io.github.lightgcn.InsufficientMemoryException;
import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.internal.train.MemoryPlan;

import java.util.Arrays;
import java.util.Locale;

/**
 * A bipartite user–item interaction graph: deduplicated (user, item) edges stored in CSR form in both
 * directions. Users are {@code 0..numUsers-1}, items {@code 0..numItems-1}; nodes with no edge are allowed.
 *
 * <p>Immutable and thread-safe: every array it returns is a copy.
 */
public final class InteractionGraph {

    static {
        GraphArrays.install(new GraphArrays.Access() {
            @Override
            public int[] userOffsets(InteractionGraph g) { return g.userOffsets; }

            @Override
            public int[] userItems(InteractionGraph g) { return g.userItems; }

            @Override
            public int[] itemOffsets(InteractionGraph g) { return g.itemOffsets; }

            @Override
            public int[] itemUsers(InteractionGraph g) { return g.itemUsers; }
        });
    }

    private final int numUsers;
    private final int numItems;
    private final int[] userOffsets; // numUsers + 1
    private final int[] userItems;   // items of each user, sorted ascending
    private final int[] itemOffsets; // numItems + 1
    private final int[] itemUsers;   // users of each item, sorted ascending
    private final long duplicatesMerged;

    private InteractionGraph(int numUsers, int numItems, int[] userOffsets, int[] userItems,
                             int[] itemOffsets, int[] itemUsers, long duplicatesMerged) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.userOffsets = userOffsets;
        this.userItems = userItems;
        this.itemOffsets = itemOffsets;
        this.itemUsers = itemUsers;
        this.duplicatesMerged = duplicatesMerged;
    }

    /**
     * Builds a graph from parallel arrays of user and item ids. Duplicate pairs are merged and counted
     * ({@link #duplicatesMerged()}).
     *
     * @throws IllegalArgumentException    for negative counts, arrays of different lengths, or an id outside
     *                                     its range (the message names the pair and its position)
     * @throws InsufficientMemoryException when the graph's arrays would not fit in the heap (checked before they
     *                                     are allocated: e.g. a count of users far beyond the data's)
     */
    public static InteractionGraph fromPairs(int numUsers, int numItems, int[] users, int[] items) {
        if (numUsers < 0) throw new IllegalArgumentException("numUsers must be >= 0, got " + numUsers);
        if (numItems < 0) throw new IllegalArgumentException("numItems must be >= 0, got " + numItems);
        if (users.length != items.length) {
            throw new IllegalArgumentException("users and items must have the same length, got "
                    + users.length + " and " + items.length);
        }
        int n = users.length;
        for (int p = 0; p < n; p++) {
            int u = users[p], i = items[p];
            if (u < 0 || u >= numUsers || i < 0 || i >= numItems) {
                throw new IllegalArgumentException("pair #" + p + " (user " + u + ", item " + i + ") is out of range:"
                        + " users must be in [0, " + numUsers + "), items in [0, " + numItems + ")");
            }
        }
        // the most this method holds at once: three user-sized tables, two item-sized ones and three edge-sized
        MemoryPlan.requireHeap(4L * (3L * numUsers + 2L * numItems + 3L * n + 8), () -> String.format(Locale.ROOT,
                "an interaction graph of %,d users, %,d items and %,d pairs", numUsers, numItems, n),
                ", or check the numbers of users and items");
        // counting sort by user, then sort each user's items and drop repeats
        int[] offsets = new int[numUsers + 1];
        for (int u : users) offsets[u + 1]++;
        for (int u = 0; u < numUsers; u++) offsets[u + 1] += offsets[u];
        int[] fill = Arrays.copyOf(offsets, numUsers);
        int[] sorted = new int[n];
        for (int p = 0; p < n; p++) sorted[fill[users[p]]++] = items[p];
        int[] uniqueOffsets = new int[numUsers + 1];
        int write = 0;
        for (int u = 0; u < numUsers; u++) {
            int from = offsets[u], to = offsets[u + 1];
            Arrays.sort(sorted, from, to);
            for (int p = from; p < to; p++) {
                if (p == from || sorted[p] != sorted[p - 1]) sorted[write++] = sorted[p];
            }
            uniqueOffsets[u + 1] = write;
        }
        int[] userItems = Arrays.copyOf(sorted, write);
        return fromUserCsr(numUsers, numItems, uniqueOffsets, userItems, n - write);
    }

    /** Builds a graph from user-side CSR arrays whose rows are sorted and free of repeats (trusted, not copied). */
    private static InteractionGraph fromUserCsr(int numUsers, int numItems, int[] userOffsets, int[] userItems,
                                                long duplicates) {
        int[] itemOffsets = new int[numItems + 1];
        for (int i : userItems) itemOffsets[i + 1]++;
        for (int i = 0; i < numItems; i++) itemOffsets[i + 1] += itemOffsets[i];
        int[] fill = Arrays.copyOf(itemOffsets, numItems);
        int[] itemUsers = new int[userItems.length];
        for (int u = 0; u < numUsers; u++) { // users visited in order, so each item's users come out sorted
            for (int p = userOffsets[u]; p < userOffsets[u + 1]; p++) itemUsers[fill[userItems[p]]++] = u;
        }
        return new InteractionGraph(numUsers, numItems, userOffsets, userItems, itemOffsets, itemUsers, duplicates);
    }

    /** An empty graph (no edges) of the given size. */
    public static InteractionGraph empty(int numUsers, int numItems) {
        return fromPairs(numUsers, numItems, new int[0], new int[0]);
    }

    public int numUsers() { return numUsers; }

    public int numItems() { return numItems; }

    /** Number of distinct (user, item) edges. */
    public int numEdges() { return userItems.length; }

    /** How many input pairs were repeats of an earlier pair and were merged. */
    public long duplicatesMerged() { return duplicatesMerged; }

    public int userDegree(int user) { return userOffsets[user + 1] - userOffsets[user]; }

    public int itemDegree(int item) { return itemOffsets[item + 1] - itemOffsets[item]; }

    /** The items of a user, sorted ascending (a copy). */
    public int[] itemsOf(int user) { return Arrays.copyOfRange(userItems, userOffsets[user], userOffsets[user + 1]); }

    /** The users of an item, sorted ascending (a copy). */
    public int[] usersOf(int item) { return Arrays.copyOfRange(itemUsers, itemOffsets[item], itemOffsets[item + 1]); }

    /** Whether the edge (user, item) exists; binary search in the user's sorted row. */
    public boolean contains(int user, int item) {
        if (user < 0 || user >= numUsers) return false;
        return Arrays.binarySearch(userItems, userOffsets[user], userOffsets[user + 1], item) >= 0;
    }

    /** Number of users with at least one edge. */
    public int activeUsers() {
        int n = 0;
        for (int u = 0; u < numUsers; u++) if (userOffsets[u + 1] > userOffsets[u]) n++;
        return n;
    }

    /** Number of items with at least one edge. */
    public int activeItems() {
        int n = 0;
        for (int i = 0; i < numItems; i++) if (itemOffsets[i + 1] > itemOffsets[i]) n++;
        return n;
    }

    /** Receives the edges of a graph, one (user, item) pair at a time. */
    @FunctionalInterface
    public interface EdgeConsumer {
        void accept(int user, int item);
    }

    /** Visits every edge, by user ascending and, within a user, by item ascending. */
    public void forEachEdge(EdgeConsumer consumer) {
        for (int u = 0; u < numUsers; u++) {
            for (int p = userOffsets[u]; p < userOffsets[u + 1]; p++) consumer.accept(u, userItems[p]);
        }
    }

    /**
     * The same edges in a graph with at least as many users and items (new nodes are isolated); used to put
     * train, validation and test graphs on one id universe.
     */
    public InteractionGraph resized(int newNumUsers, int newNumItems) {
        if (newNumUsers < numUsers || newNumItems < numItems) {
            throw new IllegalArgumentException("cannot shrink a graph of " + numUsers + " x " + numItems
                    + " to " + newNumUsers + " x " + newNumItems);
        }
        if (newNumUsers == numUsers && newNumItems == numItems) return this;
        int[] offsets = Arrays.copyOf(userOffsets, newNumUsers + 1);
        Arrays.fill(offsets, numUsers + 1, newNumUsers + 1, userOffsets[numUsers]);
        return fromUserCsr(newNumUsers, newNumItems, offsets, userItems, duplicatesMerged);
    }

    /** A 64-bit fingerprint of the size and edges (FNV-1a over the user-side CSR), to tell graphs apart. */
    public long fingerprint() {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, numUsers);
        h = fnv(h, numItems);
        for (int o : userOffsets) h = fnv(h, o);
        for (int i : userItems) h = fnv(h, i);
        return h;
    }

    private static long fnv(long h, int v) {
        for (int s = 0; s < 32; s += 8) {
            h ^= (v >>> s) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public String toString() {
        return "InteractionGraph[" + numUsers + " users x " + numItems + " items, " + numEdges() + " edges]";
    }
}
