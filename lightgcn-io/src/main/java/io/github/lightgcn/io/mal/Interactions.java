package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.IdMapping;

import io.github.lightgcn.graph.InteractionGraph;

import java.util.Arrays;

/**
 * A set of (user_id, anime_id) pairs in original MAL ids, sorted by user then anime, without repeats: the
 * unit that splits are made of and written as. Immutable.
 */
public final class Interactions {

    private final int[] userIds;
    private final int[] animeIds;

    private Interactions(int[] userIds, int[] animeIds) {
        this.userIds = userIds;
        this.animeIds = animeIds;
    }

    /**
     * The pairs {@code (userIds[p], animeIds[p])}, in any order (the arrays are copied).
     *
     * @throws IllegalArgumentException for arrays of different lengths, a negative id, or a repeated pair
     */
    public static Interactions of(int[] userIds, int[] animeIds) {
        if (userIds.length != animeIds.length) {
            throw new IllegalArgumentException("userIds and animeIds must have the same length, got "
                    + userIds.length + " and " + animeIds.length);
        }
        long[] keys = new long[userIds.length];
        for (int p = 0; p < keys.length; p++) {
            if (userIds[p] < 0 || animeIds[p] < 0) {
                throw new IllegalArgumentException("pair #" + p + " (" + userIds[p] + ", " + animeIds[p]
                        + ") has a negative id");
            }
            keys[p] = key(userIds[p], animeIds[p]);
        }
        Arrays.sort(keys);
        for (int p = 1; p < keys.length; p++) {
            if (keys[p] == keys[p - 1]) {
                throw new IllegalArgumentException("pair (" + user(keys[p]) + ", " + anime(keys[p]) + ") occurs twice");
            }
        }
        return fromSortedKeys(keys);
    }

    /** Ids are non-negative, so ordering the keys orders by (user, anime). */
    static long key(int userId, int animeId) {
        return (long) userId << 32 | animeId;
    }

    static int user(long key) { return (int) (key >>> 32); }

    static int anime(long key) { return (int) key; }

    /** Trusted: keys sorted and distinct. */
    static Interactions fromSortedKeys(long[] keys) {
        int[] u = new int[keys.length], a = new int[keys.length];
        for (int p = 0; p < keys.length; p++) {
            u[p] = user(keys[p]);
            a[p] = anime(keys[p]);
        }
        return new Interactions(u, a);
    }

    /** The edges of a graph in original ids; index order is id order, so the CSR order is already sorted. */
    static Interactions fromGraph(InteractionGraph graph, IdMapping users, IdMapping anime) {
        int[] u = new int[graph.numEdges()], a = new int[graph.numEdges()];
        int[] next = {0};
        graph.forEachEdge((user, item) -> {
            u[next[0]] = users.originalId(user);
            a[next[0]++] = anime.originalId(item);
        });
        return new Interactions(u, a);
    }

    public int size() { return userIds.length; }

    public int userId(int position) { return userIds[position]; }

    public int animeId(int position) { return animeIds[position]; }

    /** The user ids by position (a copy). */
    public int[] userIds() { return userIds.clone(); }

    /** The anime ids by position (a copy). */
    public int[] animeIds() { return animeIds.clone(); }

    /** The distinct users, as a mapping. */
    public IdMapping distinctUsers() { return IdMapping.of(userIds); }

    /** The distinct anime, as a mapping. */
    public IdMapping distinctAnime() { return IdMapping.of(animeIds); }

    /** The pairs at the given positions (ascending), which stay sorted and distinct. */
    Interactions select(int[] positions, int count) {
        int[] u = new int[count], a = new int[count];
        for (int k = 0; k < count; k++) {
            u[k] = userIds[positions[k]];
            a[k] = animeIds[positions[k]];
        }
        return new Interactions(u, a);
    }

    /** Position of the first pair also in {@code other}, or -1 (a merge of the two sorted lists). */
    int firstCommon(Interactions other) {
        int p = 0, q = 0;
        while (p < size() && q < other.size()) {
            int c = Long.compare(key(userIds[p], animeIds[p]), key(other.userIds[q], other.animeIds[q]));
            if (c == 0) return p;
            if (c < 0) p++;
            else q++;
        }
        return -1;
    }

    /**
     * The graph of these pairs over a given id universe.
     *
     * @throws IllegalArgumentException if a user or anime id is not in its mapping
     */
    public InteractionGraph toGraph(IdMapping users, IdMapping anime) {
        int[] u = userIds.clone(), a = animeIds.clone();
        users.toIndices(u);
        anime.toIndices(a);
        return InteractionGraph.fromPairs(users.size(), anime.size(), u, a);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interactions other && Arrays.equals(userIds, other.userIds)
                && Arrays.equals(animeIds, other.animeIds);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(userIds) + Arrays.hashCode(animeIds); }

    @Override
    public String toString() { return "Interactions[" + size() + " pairs]"; }
}
