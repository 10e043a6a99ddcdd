package io.github.lightgcn.io.split;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.IdMapping;

import java.util.Arrays;

/**
 * A set of (user id, item id) pairs in original ids, sorted by user then item, without repeats: what splits are
 * made of and written as. Ids are non-negative ints. Immutable.
 */
public final class Interactions {

    private final int[] userIds;
    private final int[] itemIds;

    private Interactions(int[] userIds, int[] itemIds) {
        this.userIds = userIds;
        this.itemIds = itemIds;
    }

    /**
     * The pairs {@code (userIds[p], itemIds[p])}, in any order (the arrays are copied).
     *
     * @throws IllegalArgumentException for arrays of different lengths, a negative id, or a repeated pair
     */
    public static Interactions of(int[] userIds, int[] itemIds) {
        if (userIds.length != itemIds.length) {
            throw new IllegalArgumentException("userIds and itemIds must have the same length, got "
                    + userIds.length + " and " + itemIds.length);
        }
        long[] keys = new long[userIds.length];
        for (int p = 0; p < keys.length; p++) {
            if (userIds[p] < 0 || itemIds[p] < 0) {
                throw new IllegalArgumentException("pair #" + p + " (" + userIds[p] + ", " + itemIds[p]
                        + ") has a negative id");
            }
            keys[p] = key(userIds[p], itemIds[p]);
        }
        Arrays.sort(keys);
        for (int p = 1; p < keys.length; p++) {
            if (keys[p] == keys[p - 1]) {
                throw new IllegalArgumentException("pair (" + user(keys[p]) + ", " + item(keys[p]) + ") occurs twice");
            }
        }
        return fromSortedKeys(keys);
    }

    /**
     * The edges of a graph in original ids ({@code users} and {@code items} map its indexes back). An
     * {@link IdMapping} orders indexes as ids, so the graph's edge order is already (user, item) order.
     *
     * @throws IllegalArgumentException if the graph has an index outside a mapping
     */
    public static Interactions fromGraph(InteractionGraph graph, IdMapping users, IdMapping items) {
        int[] u = new int[graph.numEdges()], i = new int[graph.numEdges()];
        int[] next = {0};
        graph.forEachEdge((user, item) -> {
            u[next[0]] = users.originalId(user);
            i[next[0]++] = items.originalId(item);
        });
        return new Interactions(u, i);
    }

    /** Ids are non-negative, so ordering the keys orders by (user, item). */
    static long key(int userId, int itemId) {
        return (long) userId << 32 | itemId;
    }

    static int user(long key) { return (int) (key >>> 32); }

    static int item(long key) { return (int) key; }

    /** Trusted: keys sorted and distinct. */
    static Interactions fromSortedKeys(long[] keys) {
        int[] u = new int[keys.length], i = new int[keys.length];
        for (int p = 0; p < keys.length; p++) {
            u[p] = user(keys[p]);
            i[p] = item(keys[p]);
        }
        return new Interactions(u, i);
    }

    /** Number of pairs. */
    public int size() { return userIds.length; }

    /** The user id of the pair at {@code position} ({@code 0 <= position < size()}). */
    public int userId(int position) { return userIds[position]; }

    /** The item id of the pair at {@code position} ({@code 0 <= position < size()}). */
    public int itemId(int position) { return itemIds[position]; }

    /** The user ids by position (a copy). */
    public int[] userIds() { return userIds.clone(); }

    /** The item ids by position (a copy). */
    public int[] itemIds() { return itemIds.clone(); }

    /** The distinct users, as a mapping. */
    public IdMapping distinctUsers() { return IdMapping.of(userIds); }

    /** The distinct items, as a mapping. */
    public IdMapping distinctItems() { return IdMapping.of(itemIds); }

    /** The pairs at the given positions (ascending), which stay sorted and distinct. */
    Interactions select(int[] positions, int count) {
        int[] u = new int[count], i = new int[count];
        for (int k = 0; k < count; k++) {
            u[k] = userIds[positions[k]];
            i[k] = itemIds[positions[k]];
        }
        return new Interactions(u, i);
    }

    /** Position of the first pair also in {@code other}, or -1 (a merge of the two sorted lists). */
    int firstCommon(Interactions other) {
        int p = 0, q = 0;
        while (p < size() && q < other.size()) {
            int c = Long.compare(key(userIds[p], itemIds[p]), key(other.userIds[q], other.itemIds[q]));
            if (c == 0) return p;
            if (c < 0) p++;
            else q++;
        }
        return -1;
    }

    /**
     * The graph of these pairs over a given id universe.
     *
     * @throws IllegalArgumentException if a user or item id is not in its mapping
     */
    public InteractionGraph toGraph(IdMapping users, IdMapping items) {
        int[] u = userIds.clone(), i = itemIds.clone();
        users.toIndices(u);
        items.toIndices(i);
        return InteractionGraph.fromPairs(users.size(), items.size(), u, i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interactions other && Arrays.equals(userIds, other.userIds)
                && Arrays.equals(itemIds, other.itemIds);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(userIds) + Arrays.hashCode(itemIds); }

    @Override
    public String toString() { return "Interactions[" + size() + " pairs]"; }
}
