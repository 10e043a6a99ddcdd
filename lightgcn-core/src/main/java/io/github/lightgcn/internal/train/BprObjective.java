package io.github.lightgcn.internal.train;

import io.github.lightgcn.internal.simd.VectorOps;
import io.github.lightgcn.internal.sparse.LayerMeanPropagation;

import java.util.Arrays;

/**
 * The LightGCN training objective of one batch, in the authors' form, with its hand-written gradient:
 * <pre>
 *   L = mean_b softplus(e_u·e_j − e_u·e_i) + λ · ½ (‖e⁰_u‖² + ‖e⁰_i‖² + ‖e⁰_j‖²) / B
 * </pre>
 * where {@code e} are the propagated (layer-mean) embeddings and {@code e⁰} the ego embeddings. With
 * {@code x = e_u·e_j − e_u·e_i}, {@code ∂L/∂x = σ(x)/B}; the gradient w.r.t. the final rows is then mapped back to
 * the ego embeddings by the same (symmetric) propagation. Node rows: users {@code 0..U-1}, items {@code U..}.
 * Holds the final-embedding and gradient scratch tables; not thread-safe.
 */
public final class BprObjective {

    /** The two parts of a batch loss. */
    public record Loss(double bpr, double regularization) {
        public double total() { return bpr + regularization; }
    }

    private final LayerMeanPropagation propagation;
    private final int numUsers;
    private final int dim;
    private final float l2;
    private final float[] finalEmbeddings;
    private final float[] finalGradient;

    public BprObjective(LayerMeanPropagation propagation, float l2) {
        this.propagation = propagation;
        this.numUsers = propagation.adjacency().numUsers();
        this.dim = propagation.dim();
        this.l2 = l2;
        int size = propagation.adjacency().numNodes() * dim;
        this.finalEmbeddings = new float[size];
        this.finalGradient = new float[size];
    }

    /**
     * Computes the loss of the batch {@code triples[from, to)} at the ego embeddings {@code ego} and writes its
     * gradient w.r.t. every ego embedding into {@code gradient} (overwritten).
     */
    public Loss lossAndGradient(float[] ego, Triples triples, int from, int to, float[] gradient) {
        int batch = to - from;
        propagation.apply(ego, finalEmbeddings);
        Arrays.fill(finalGradient, 0f);
        int[] us = triples.users(), is = triples.positives(), js = triples.negatives();
        double bpr = 0;
        double squaredNorms = 0;
        float invBatch = 1f / batch;
        for (int b = from; b < to; b++) {
            int u = us[b] * dim, i = (numUsers + is[b]) * dim, j = (numUsers + js[b]) * dim;
            float x = VectorOps.dot(finalEmbeddings, u, finalEmbeddings, j, dim)
                    - VectorOps.dot(finalEmbeddings, u, finalEmbeddings, i, dim);
            bpr += softplus(x);
            float g = sigmoid(x) * invBatch;
            for (int k = 0; k < dim; k++) {
                float eu = finalEmbeddings[u + k];
                finalGradient[u + k] += g * (finalEmbeddings[j + k] - finalEmbeddings[i + k]);
                finalGradient[i + k] -= g * eu;
                finalGradient[j + k] += g * eu;
            }
            squaredNorms += VectorOps.squaredNorm(ego, u, dim) + VectorOps.squaredNorm(ego, i, dim)
                    + VectorOps.squaredNorm(ego, j, dim);
        }
        propagation.apply(finalGradient, gradient);
        // L2 on the batch's ego rows: ∂/∂e⁰ of λ·½‖e⁰‖²/B is λ·e⁰/B, once per occurrence in the batch
        float regScale = l2 * invBatch;
        if (regScale != 0f) {
            for (int b = from; b < to; b++) {
                VectorOps.axpy(regScale, ego, us[b] * dim, gradient, us[b] * dim, dim);
                int i = (numUsers + is[b]) * dim, j = (numUsers + js[b]) * dim;
                VectorOps.axpy(regScale, ego, i, gradient, i, dim);
                VectorOps.axpy(regScale, ego, j, gradient, j, dim);
            }
        }
        return new Loss(bpr / batch, l2 * 0.5 * squaredNorms / batch);
    }

    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
