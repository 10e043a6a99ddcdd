package io.github.lightgcn.io;

import java.util.Arrays;

/**
 * Original ids (e.g. MAL anime ids) to dense indexes {@code 0..size-1} and back. The dense index of an id is its
 * rank among all ids in sorted order, so the mapping depends only on the set of ids, not on file order.
 * Immutable.
 */
public final class IdMapping {

    private final int[] originals; // sorted ascending, distinct; dense index = position

    private IdMapping(int[] sortedDistinct) { this.originals = sortedDistinct; }

    /** The mapping of every distinct id in {@code ids} (any order, repeats allowed). */
    public static IdMapping of(int[] ids) {
        return new IdMapping(Arrays.stream(ids).sorted().distinct().toArray());
    }

    /** Number of distinct ids. */
    public int size() { return originals.length; }

    /** The original id of a dense index. */
    public int originalId(int index) {
        if (index < 0 || index >= originals.length) {
            throw new IllegalArgumentException("index " + index + " is out of range [0, " + originals.length + ")");
        }
        return originals[index];
    }

    /** The dense index of an original id, or -1 when the id is unknown. */
    public int indexOf(int originalId) {
        int p = Arrays.binarySearch(originals, originalId);
        return p >= 0 ? p : -1;
    }

    public boolean contains(int originalId) { return indexOf(originalId) >= 0; }

    /** The original ids, ascending (a copy): element i is the original id of index i. */
    public int[] originalIds() { return originals.clone(); }

    @Override
    public String toString() {
        return "IdMapping[" + originals.length + " ids" + (originals.length == 0 ? "" : ", "
                + originals[0] + ".." + originals[originals.length - 1]) + "]";
    }
}
