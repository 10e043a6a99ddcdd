package io.github.lightgcn.io;

import io.github.lightgcn.graph.KeyIndex;

import java.util.Arrays;

/**
 * Original ids (e.g. MAL user or anime ids) to dense indexes {@code 0..size-1} and back. The dense index of an id
 * is its rank among all ids in sorted order, so the mapping depends only on the set of ids, not on file order,
 * and sorting by index is sorting by id. Immutable.
 */
public final class IdMapping {

    private final int[] originals; // sorted ascending, distinct; dense index = position

    private IdMapping(int[] sortedDistinct) { this.originals = sortedDistinct; }

    /** The mapping of every distinct id in {@code ids} (any order, repeats allowed; the array is not kept). */
    public static IdMapping of(int[] ids) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[n++] = sorted[i];
        }
        return new IdMapping(Arrays.copyOf(sorted, n));
    }

    /**
     * The mapping of ids that are already sorted and distinct (copied).
     *
     * @throws IllegalArgumentException naming the first id out of order or repeated
     */
    public static IdMapping ofSortedDistinct(int[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("ids must be sorted and distinct: " + ids[i] + " follows "
                        + ids[i - 1]);
            }
        }
        return new IdMapping(ids.clone());
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

    /** The ids as the library's long keys, index i holding the original id of index i. */
    public KeyIndex toKeys() {
        return KeyIndex.ofLongs(Arrays.stream(originals).asLongStream().toArray());
    }

    /**
     * The mapping of long keys that are int ids, ascending as the keyed builder assigns them (a model's keys).
     *
     * @throws IllegalArgumentException when the keys are not numeric or not all int ids
     */
    public static IdMapping fromKeys(KeyIndex keys) {
        if (keys.type() != KeyIndex.Type.LONG) throw new IllegalArgumentException("the keys are not numeric ids");
        long[] k = keys.longKeys();
        int[] ids = new int[k.length];
        for (int i = 0; i < k.length; i++) {
            if (k[i] != (int) k[i]) throw new IllegalArgumentException("key " + k[i] + " is not an int id");
            ids[i] = (int) k[i];
        }
        return ofSortedDistinct(ids);
    }

    /**
     * Replaces every original id in {@code values} by its dense index, in place.
     *
     * @throws IllegalArgumentException naming the first id that is not in the mapping
     */
    public void toIndices(int[] values) {
        for (int p = 0; p < values.length; p++) {
            int k = Arrays.binarySearch(originals, values[p]);
            if (k < 0) throw new IllegalArgumentException("id " + values[p] + " is not in the id mapping");
            values[p] = k;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdMapping other && Arrays.equals(originals, other.originals);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(originals); }

    @Override
    public String toString() {
        return "IdMapping[" + originals.length + " ids" + (originals.length == 0 ? "" : ", "
                + originals[0] + ".." + originals[originals.length - 1]) + "]";
    }
}
