package io.github.lightgcn;

/**
 * How {@link LightGCNModel#recommendForNewUser(java.util.Collection, RecommendOptions)} folds a new user in from
 * the items they like, without retraining ({@link RecommendOptions.Builder#foldIn(FoldInMethod)}). Both use only
 * the trained final item embeddings and the training degrees; BENCHMARKS.md ("New users") measures them.
 */
public enum FoldInMethod {
    /**
     * One LightGCN propagation hop from the liked items, {@code u = Σ_{i∈likes} e_i / sqrt(|likes| · d_i)}
     * ({@link NewUserRecommendations} explains it): nothing is fitted, instant. The default: on held-out users
     * it is as good as {@link #GRADIENT} on LastFM and worse on MAL (BENCHMARKS.md, "New users").
     */
    PROPAGATION,
    /**
     * The new user's layer-0 (ego) embedding {@code x} fitted by {@value #STEPS} plain gradient steps
     * (learning rate {@value #LEARNING_RATE}, L2 {@value #L2}) of BPR against negatives drawn uniformly from the
     * items not liked (a fixed seed: the same likes in the same order give the same answer), with every item
     * frozen; the user's final embedding is LightGCN's layer mean over the new node's one-hop propagation,
     * {@code u = x/(K+1) + K/(K+1) · PROPAGATION's vector}, starting from {@code x = 0}. Approximations: the items'
     * embeddings do not change when the new node is added, and each item layer is taken as the final item
     * embedding (the model holds no others). K is the model's number of layers (3 when its provenance does not
     * record it). Costs {@value #STEPS} × |likes| × dim multiply-adds twice per step: still well under a millisecond
     * for a few hundred likes. On held-out MAL users it lifts NDCG@20 from 0.23 to 0.28 (0.26 to 0.31 on a second
     * split); on LastFM it is within the noise of {@link #PROPAGATION} (better on one split, worse on the other).
     */
    GRADIENT;

    /** Gradient steps of {@link #GRADIENT}. */
    public static final int STEPS = 20;
    /** Learning rate of {@link #GRADIENT}, chosen on trained users of MAL and LastFM (BENCHMARKS.md). */
    public static final double LEARNING_RATE = 30;
    /** L2 weight on the ego embedding of {@link #GRADIENT}, the paper's 1e-4. */
    public static final double L2 = 1e-4;
    /** Seed of {@link #GRADIENT}'s negative draws. */
    public static final long SEED = 2020;
}
