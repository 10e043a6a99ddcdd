package io.github.lightgcn.io.mal;

/**
 * A way to cut interactions into train, validation and test. Implementations are deterministic: the same
 * interactions and seed give the same split.
 */
public interface Splitter {

    MalSplit split(Interactions all, long seed);
}
