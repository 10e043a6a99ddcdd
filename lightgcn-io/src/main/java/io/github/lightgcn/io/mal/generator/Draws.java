package io.github.lightgcn.io.mal.generator;

import io.github.lightgcn.random.Rng;

import java.util.List;

/** The random draws the generator shares: by weight, and permutations. */
final class Draws {

    private Draws() {}

    static <T> T draw(List<T> values, int[] counts, Rng rng) {
        return values.get(drawIndex(counts, rng));
    }

    /** An index drawn with probability proportional to {@code counts}. */
    static int drawIndex(int[] counts, Rng rng) {
        int total = 0;
        for (int c : counts) total += c;
        int r = rng.nextInt(total);
        for (int i = 0; i < counts.length; i++) {
            r -= counts[i];
            if (r < 0) return i;
        }
        return counts.length - 1;
    }

    /** A random order of {@code 0..n-1} (Fisher–Yates). */
    static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
