package io.github.lightgcn;

/** How the (user, positive, negative) triples of an epoch are drawn. */
public enum Sampling {
    /**
     * The LightGCN authors' sampler: |train| draws per epoch of a user uniform among users with training items,
     * a positive uniform among that user's items, and a negative uniform over all item ids, redrawn while it is a
     * training positive of the user.
     */
    USER_UNIFORM,
    /** Every training edge once per epoch in a shuffled order, each with one rejection-sampled uniform negative. */
    EDGE_UNIFORM
}
