package io.github.lightgcn.io.split;

/**
 * A way to cut interactions into train, validation and test. Implementations are deterministic: the same
 * interactions and seed give the same split.
 */
public interface Splitter {

    /** The parts of {@code all} for a seed; every pair of {@code all} is in exactly one part. */
    Split split(Interactions all, long seed);
}
