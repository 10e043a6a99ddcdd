package io.github.lightgcn.internal.train;

/** One epoch of training triples as parallel arrays: user, positive item, negative item. */
public record Triples(int[] users, int[] positives, int[] negatives) {
    public int size() { return users.length; }
}
