package io.github.lightgcn.testing;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.InteractionGraph;

import java.util.Map;
import java.util.Random;

/** Models with given embeddings, for query tests that need no training. */
public final class Models {

    private Models() {}

    /**
     * A model over a random training graph with Gaussian embeddings; {@code coarse} draws small integers instead,
     * so that many scores tie exactly and the tie rule (lower index first) is exercised.
     */
    public static LightGCNModel random(int users, int items, int dim, double density, long seed, boolean coarse) {
        InteractionGraph train = Graphs.random(users, items, density, seed);
        Random r = new Random(seed * 31 + 7);
        float[] u = new float[users * dim], v = new float[items * dim];
        for (int p = 0; p < u.length; p++) u[p] = coarse ? r.nextInt(5) - 2 : (float) r.nextGaussian();
        for (int p = 0; p < v.length; p++) v[p] = coarse ? (r.nextInt(9) - 4) * 0.5f : (float) r.nextGaussian();
        return LightGCNModel.of(u, v, dim, train, Map.of());
    }

    /** The sequential float dot product of two rows: the score oracle (same order of operations as documented). */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
        float s = 0f;
        for (int k = 0; k < dim; k++) s += a[aOff + k] * b[bOff + k];
        return s;
    }
}
