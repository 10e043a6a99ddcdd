package io.github.lightgcn.io.mal;

import java.util.Arrays;

/**
 * A dense index over a set of original ids: index {@code k} is the k-th smallest id, so sorting by index is
 * sorting by id. Immutable.
 */
public final class IdMapping {

    private final int[] ids; // sorted, distinct

    private IdMapping(int[] sortedDistinct) {
        this.ids = sortedDistinct;
    }

    /** The mapping over the distinct values of {@code ids} (any order, repeats allowed; the array is not kept). */
    public static IdMapping of(int[] ids) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[n++] = sorted[i];
        }
        return new IdMapping(Arrays.copyOf(sorted, n));
    }

    /** Trusted: the array is sorted, distinct and owned by the mapping from now on. */
    static IdMapping ofSortedDistinct(int[] ids) {
        return new IdMapping(ids);
    }

    public int size() { return ids.length; }

    /** The original id at a dense index. */
    public int id(int index) { return ids[index]; }

    /** The dense index of an original id, or -1 when it is not in the mapping. */
    public int indexOf(int id) {
        int k = Arrays.binarySearch(ids, id);
        return k >= 0 ? k : -1;
    }

    public boolean contains(int id) { return Arrays.binarySearch(ids, id) >= 0; }

    /** The ids in index order (a copy). */
    public int[] ids() { return ids.clone(); }

    /**
     * The dense index of every id, in place.
     *
     * @throws IllegalArgumentException naming the first id that is not in the mapping
     */
    void toIndices(int[] values) {
        for (int p = 0; p < values.length; p++) {
            int k = Arrays.binarySearch(ids, values[p]);
            if (k < 0) throw new IllegalArgumentException("id " + values[p] + " is not in the id mapping");
            values[p] = k;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdMapping other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(ids); }

    @Override
    public String toString() {
        return ids.length == 0 ? "IdMapping[]" : "IdMapping[" + ids.length + " ids, " + ids[0] + ".." + ids[ids.length - 1] + "]";
    }
}
