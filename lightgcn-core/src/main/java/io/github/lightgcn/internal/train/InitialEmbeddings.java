package io.github.lightgcn.internal.train;

import io.github.lightgcn.Initialization;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.random.Rng;

/** The ego embeddings a run starts from, a function of the configuration (seed, initialisation, dim) alone. */
final class InitialEmbeddings {

    /** The random stream of the initialisation (the sampler's epochs use stream 2). */
    private static final long STREAM_INIT = 1;

    private InitialEmbeddings() {}

    /** Users then items, node-id order, {@code (numUsers + numItems) × dim}. */
    static float[] of(LightGCNConfig config, int numUsers, int numItems) {
        int d = config.embeddingDim();
        float[] ego = new float[(numUsers + numItems) * d];
        Rng rng = Rng.stream(config.seed(), STREAM_INIT, 0);
        if (config.initialization() == Initialization.NORMAL) {
            for (int p = 0; p < ego.length; p++) ego[p] = (float) (rng.nextGaussian() * config.initStd());
        } else {
            fillXavier(ego, 0, numUsers, d, rng);
            fillXavier(ego, numUsers * d, numItems, d, rng);
        }
        return ego;
    }

    private static void fillXavier(float[] table, int offset, int rows, int d, Rng rng) {
        double bound = Math.sqrt(6.0 / (rows + d));
        for (int p = offset; p < offset + rows * d; p++) table[p] = (float) ((2 * rng.nextDouble() - 1) * bound);
    }
}
