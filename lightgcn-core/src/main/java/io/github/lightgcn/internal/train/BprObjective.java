package io.github.lightgcn.internal.train;

/**
 * The LightGCN training objective of one batch, in the authors' form:
 * <pre>
 *   L = mean_b softplus(e_u·e_j − e_u·e_i) + λ · ½ (‖e⁰_u‖² + ‖e⁰_i‖² + ‖e⁰_j‖²) / B
 * </pre>
 * where {@code e} are the propagated (layer-mean) embeddings and {@code e⁰} the ego embeddings. With
 * {@code x = e_u·e_j − e_u·e_i}, {@code ∂L/∂x = σ(x)/B}; the gradient w.r.t. the final rows is then mapped back to
 * the ego embeddings by the same (symmetric) propagation. {@link TrainingStep} computes it (the finite-difference
 * check in the tests runs on that class); this class holds the loss's parts and the two scalar functions it uses.
 */
public final class BprObjective {

    private BprObjective() {}

    /** The two parts of a batch loss. */
    public record Loss(double bpr, double regularization) {
        public double total() { return bpr + regularization; }
    }

    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
