package io.github.lightgcn.internal.foldin;

import io.github.lightgcn.random.Rng;

import java.util.Arrays;

/**
 * A new user folded in by fitting (the library's {@code FoldInMethod.GRADIENT}): a few BPR gradient steps on the
 * new user's layer-0 (ego) embedding {@code x} with every item frozen, the user's final embedding being LightGCN's
 * layer mean over its one-hop propagation.
 *
 * <h2>Derivation</h2>
 * The new user is an extra node linked to the liked items L. With LightGCN's symmetric normalisation its layer
 * {@code k+1} is {@code Σ_{i∈L} e_i^(k) / sqrt(|L| · d_i)} and its final embedding the mean of layers 0..K:
 * <pre>
 *   u(x) = ( x + Σ_{k=0}^{K-1} Σ_{i∈L} e_i^(k) / sqrt(|L| d_i) ) / (K + 1)  ≈  x / (K + 1) + K/(K + 1) · f
 * </pre>
 * where {@code f} is the propagation fold-in's vector. Two approximations, both the ones the propagation fold-in
 * already makes: the items' embeddings do not change when the new node is added (its degree term in {@code d_i + 1} and its
 * contribution to the items' layers, hence the u→i→u return path of {@code x}, are ignored), and the model keeps
 * only final item embeddings, so each item layer {@code e_i^(k)} is replaced by the final {@code e_i}.
 * With {@code x = 0} at the start, the ranking is exactly the propagation fold-in's.
 *
 * <p>Loss, for P (liked, negative) pairs {@code (i_p, j_p)}: {@code L(x) = (1/P) Σ_p softplus(u(x)·(e_j − e_i)) +
 * (λ/2)·|x|²}; gradient {@code ∇L = (1/(P(K+1))) Σ_p σ(u·(e_j − e_i)) (e_j − e_i) + λ x}. Each step pairs every
 * liked item with one negative drawn uniformly (seeded) from the items not liked, then takes a plain gradient step.
 * Deterministic for a given seed; the liked items' order matters only through the negative draws.
 */
public final class GradientFoldIn {

    /** What the fit does: steps, learning rate, L2 weight, seed of the negative draws. */
    public record Settings(int steps, double learningRate, double l2, long seed) {
        public Settings {
            if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
            if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be finite and >= 0, got " + learningRate);
            }
            if (!(l2 >= 0) || Double.isInfinite(l2)) {
                throw new IllegalArgumentException("l2 must be finite and >= 0, got " + l2);
            }
        }
    }

    private GradientFoldIn() {}

    /**
     * The folded-in vector for liked item indexes (distinct, in range, at least one).
     *
     * @param items     final item embeddings, {@code numItems × dim}, read only
     * @param layers    the model's K
     * @param foldIn    the propagation fold-in vector {@code f} of these likes
     */
    public static float[] userVector(float[] items, int dim, int layers, float[] foldIn, int[] likedItems,
                                     Settings s) {
        int numItems = items.length / dim;
        double[] c = new double[dim];
        float[] f = foldIn;
        for (int k = 0; k < dim; k++) c[k] = (double) layers / (layers + 1) * f[k];
        double[] x = new double[dim];
        int[] sorted = likedItems.clone();
        Arrays.sort(sorted);
        int[] neg = new int[likedItems.length];
        Rng rng = new Rng(s.seed());
        if (sorted.length < numItems) {
            for (int step = 0; step < s.steps(); step++) {
                for (int p = 0; p < neg.length; p++) {
                    int j;
                    do { j = rng.nextInt(numItems); } while (Arrays.binarySearch(sorted, j) >= 0);
                    neg[p] = j;
                }
                double[] g = gradient(x, c, items, dim, layers, likedItems, neg, s.l2());
                for (int k = 0; k < dim; k++) x[k] -= s.learningRate() * g[k];
            }
        }
        float[] u = new float[dim];
        for (int k = 0; k < dim; k++) u[k] = (float) (x[k] / (layers + 1) + c[k]);
        return u;
    }

    /** {@code L(x)} as in the class comment. */
    public static double loss(double[] x, double[] c, float[] items, int dim, int layers, int[] pos, int[] neg,
                              double l2) {
        double[] u = user(x, c, layers);
        double bpr = 0, reg = 0;
        for (int p = 0; p < pos.length; p++) bpr += softplus(margin(u, items, dim, pos[p], neg[p]));
        for (double v : x) reg += v * v;
        return bpr / pos.length + 0.5 * l2 * reg;
    }

    /** {@code ∇L(x)} as in the class comment. */
    public static double[] gradient(double[] x, double[] c, float[] items, int dim, int layers, int[] pos, int[] neg,
                             double l2) {
        double[] u = user(x, c, layers), g = new double[dim];
        double scale = 1.0 / (pos.length * (layers + 1.0));
        for (int p = 0; p < pos.length; p++) {
            double w = scale * sigmoid(margin(u, items, dim, pos[p], neg[p]));
            int i = pos[p] * dim, j = neg[p] * dim;
            for (int k = 0; k < dim; k++) g[k] += w * ((double) items[j + k] - items[i + k]);
        }
        for (int k = 0; k < dim; k++) g[k] += l2 * x[k];
        return g;
    }

    private static double[] user(double[] x, double[] c, int layers) {
        double[] u = new double[x.length];
        for (int k = 0; k < u.length; k++) u[k] = x[k] / (layers + 1) + c[k];
        return u;
    }

    /** {@code u·(e_j − e_i)}: positive when the negative outscores the liked item. */
    private static double margin(double[] u, float[] items, int dim, int i, int j) {
        double m = 0;
        for (int k = 0; k < dim; k++) m += u[k] * ((double) items[j * dim + k] - items[i * dim + k]);
        return m;
    }

    private static double softplus(double z) { return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)); }

    private static double sigmoid(double z) { return 1 / (1 + Math.exp(-z)); }
}
