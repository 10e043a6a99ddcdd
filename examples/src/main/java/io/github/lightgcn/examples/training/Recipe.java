package io.github.lightgcn.examples.training;

import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.Loss;
import io.github.lightgcn.Sampling;

import java.util.Locale;

/**
 * Named starting configurations of {@code train} ({@code --recipe}); options given on the command line override
 * their values. {@code paper} is the paper's settings (the library's defaults), with which the README's reference
 * figures are reproduced; {@code mal} is the recipe chosen on the MAL split's validation file (BENCHMARKS.md,
 * "Losses on MAL"), the anime mode's default.
 */
public enum Recipe {
    /** He et al.'s settings: BPR with one negative, 3 layers, dim 64, lr 1e-3, L2 1e-4, batch 2048. */
    PAPER(LightGCNConfig.defaults()),
    /**
     * Implicit ALS's squared loss (unobserved weight 0.5) on dim 256, no propagation layer, L2 0.15, lr 0.01 decaying
     * by 0.95 an epoch, batch 8192, every edge once per epoch, evaluation every 5 epochs, patience 4: the best on MAL's
     * validation split of the configurations that train there in about two minutes on 2 cores (BENCHMARKS.md,
     * "Losses on MAL", part two); test recall@20 0.31460, NDCG@20 0.26747, over 5 seeds 0.3195 / 0.2692 (Spark's
     * implicit ALS tuned the same way: 0.31680 / 0.26317, over 3 seeds 0.3164 / 0.2647; the paper's settings: 0.2792 /
     * 0.2285).
     */
    MAL(LightGCNConfig.builder().loss(new Loss.ImplicitSquared(0.5)).embeddingDim(256).layers(0).l2(0.15)
            .learningRate(0.01).learningRateDecay(0.95).batchSize(8192).sampling(Sampling.EDGE_UNIFORM).epochs(400)
            .evalEvery(5).patience(Defaults.MAL_RECIPE_PATIENCE)
            .build());

    private final LightGCNConfig config;

    Recipe(LightGCNConfig config) { this.config = config; }

    /** The recipe's configuration (seed and top-K from the library's defaults). */
    public LightGCNConfig config() { return config; }

    /** The name used on the command line. */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /**
     * The recipe of a name.
     *
     * @throws IllegalArgumentException for another name (the message lists them)
     */
    public static Recipe of(String name) {
        for (Recipe r : values()) if (r.label().equalsIgnoreCase(name.strip())) return r;
        throw new IllegalArgumentException("unknown recipe '" + name + "': use paper or mal");
    }
}
