package io.github.lightgcn.internal.train;

/**
 * Training examples as parallel arrays: user and positive item of each example, and {@link #negativesPerPositive()}
 * negative items per example, example by example (one for BPR's triples, none for a loss without negatives).
 */
public record Triples(int[] users, int[] positives, int[] negatives) {
    public int size() { return users.length; }

    /** Negatives per example: {@code negatives.length / size()}. */
    public int negativesPerPositive() { return users.length == 0 ? 0 : negatives.length / users.length; }
}
