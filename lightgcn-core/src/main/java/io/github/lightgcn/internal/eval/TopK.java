package io.github.lightgcn.internal.eval;

/**
 * Selects the k best entries of a score row with a bounded min-heap. Order: higher score first, ties broken by
 * the lower item id, so the result is fully deterministic. NaN scores are never selected. Reusable, not
 * thread-safe: keep one per thread.
 */
public final class TopK {

    private final int capacity;
    private final int[] heapItems;
    private final float[] heapScores;
    private int size;

    public TopK(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("k must be >= 1, got " + capacity);
        this.capacity = capacity;
        this.heapItems = new int[capacity];
        this.heapScores = new float[capacity];
    }

    public void clear() { size = 0; }

    public int size() { return size; }

    /** True when (s1, i1) ranks below (s2, i2). */
    private static boolean worse(float s1, int i1, float s2, int i2) {
        return s1 < s2 || (s1 == s2 && i1 > i2);
    }

    /** Offers one candidate. */
    public void offer(int item, float score) {
        if (Float.isNaN(score)) return;
        if (size < capacity) {
            int c = size++;
            while (c > 0) { // sift up
                int parent = (c - 1) >>> 1;
                if (!worse(score, item, heapScores[parent], heapItems[parent])) break;
                heapItems[c] = heapItems[parent];
                heapScores[c] = heapScores[parent];
                c = parent;
            }
            heapItems[c] = item;
            heapScores[c] = score;
        } else if (worse(heapScores[0], heapItems[0], score, item)) {
            siftDown(item, score);
        }
    }

    /**
     * The lowest score that could still enter: -∞ while the heap is not full. A score below it (or NaN) never
     * enters, so a vectorised pre-filter {@code score >= threshold()} drops nothing that {@link #offer} would keep.
     */
    public float threshold() {
        return size < capacity ? Float.NEGATIVE_INFINITY : heapScores[0];
    }

    /** Cheap pre-check for hot loops: whether a score could enter the heap at all. */
    public boolean couldEnter(float score) {
        return size < capacity || score >= heapScores[0];
    }

    private void siftDown(int item, float score) {
        int c = 0;
        while (true) {
            int left = 2 * c + 1;
            if (left >= size) break;
            int right = left + 1;
            int child = (right < size && worse(heapScores[right], heapItems[right], heapScores[left], heapItems[left]))
                    ? right : left;
            if (!worse(heapScores[child], heapItems[child], score, item)) break;
            heapItems[c] = heapItems[child];
            heapScores[c] = heapScores[child];
            c = child;
        }
        heapItems[c] = item;
        heapScores[c] = score;
    }

    /**
     * Empties the heap into {@code items} / {@code scores} (may be null), best first; returns the count written.
     */
    public int drainBestFirst(int[] items, float[] scores) {
        int n = size;
        for (int pos = n - 1; pos >= 0; pos--) { // pop the worst into the last slot
            int item = heapItems[0];
            float score = heapScores[0];
            size--;
            if (size > 0) siftDown(heapItems[size], heapScores[size]);
            items[pos] = item;
            if (scores != null) scores[pos] = score;
        }
        return n;
    }
}
