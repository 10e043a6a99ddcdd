package io.github.lightgcn.io.mal.generator;

/**
 * Integer weights with prefix sums (a Fenwick tree): draw an index with probability proportional to its weight,
 * and take it out or put it back, each in O(log n). Integer weights keep remove-then-restore exact, so a long
 * run of users never drifts.
 */
final class WeightTree {

    private final long[] tree; // 1-based
    private final int top;     // highest power of two <= n
    private long total;

    WeightTree(long[] weights) {
        int n = weights.length;
        tree = new long[n + 1];
        for (int i = 0; i < n; i++) {
            if (weights[i] < 0) throw new IllegalArgumentException("weight #" + i + " is negative: " + weights[i]);
            tree[i + 1] += weights[i];
            total += weights[i];
            int parent = (i + 1) + ((i + 1) & -(i + 1));
            if (parent <= n) tree[parent] += tree[i + 1];
        }
        top = n == 0 ? 0 : Integer.highestOneBit(n);
    }

    int size() { return tree.length - 1; }

    long total() { return total; }

    void add(int index, long delta) {
        total += delta;
        for (int i = index + 1; i < tree.length; i += i & -i) tree[i] += delta;
    }

    /** The index whose weight interval holds {@code x}, for {@code 0 <= x < total()}. */
    int find(long x) {
        int pos = 0;
        for (int step = top; step > 0; step >>= 1) {
            int next = pos + step;
            if (next < tree.length && tree[next] <= x) {
                pos = next;
                x -= tree[next];
            }
        }
        return pos; // 0-based: the first index whose prefix sum exceeds x
    }
}
