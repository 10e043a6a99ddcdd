package io.github.lightgcn.io.split;

import io.github.lightgcn.random.Rng;

import java.util.Objects;

/**
 * Per-interaction random split, the reference's {@code --split interaction}: a seeded permutation of the
 * interactions (sorted by user, item); its first {@code floor(train * n)} positions go to train, the next
 * {@code floor(val * n)} to validation, the rest to test. Same shape as the reference, not the same rows (it uses
 * numpy's generator, this uses {@link Rng}).
 */
public record RandomSplitter(SplitRatios ratios) implements Splitter {

    /** @throws NullPointerException if ratios is null */
    public RandomSplitter {
        Objects.requireNonNull(ratios, "ratios");
    }

    @Override
    public Split split(Interactions all, long seed) {
        int n = all.size();
        int[] permutation = new int[n];
        for (int p = 0; p < n; p++) permutation[p] = p;
        Parts.shuffle(permutation, 0, n, new Rng(seed));
        int trainEnd = (int) Math.floor(ratios.train() * n);
        int valEnd = trainEnd + (int) Math.floor(ratios.val() * n);
        byte[] part = new byte[n];
        for (int k = trainEnd; k < n; k++) part[permutation[k]] = k < valEnd ? Parts.VAL : Parts.TEST;
        return Parts.toSplit(all, part);
    }
}
