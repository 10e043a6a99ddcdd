package io.github.lightgcn.internal.simd;

/**
 * Scalar reductions over single rows of flat {@code float[]} tables, for work outside the hot loops (a model's
 * single scores, a triple's norms). {@link #dot} is also the definition {@link ScoringKernels#scoreTile4} matches
 * bit for bit.
 */
public final class VectorOps {

    private VectorOps() {}

    /** Σ a[aOff + k] · b[bOff + k] for k in [0, len), accumulated in float in index order. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        float s = 0f;
        for (int k = 0; k < len; k++) s += a[aOff + k] * b[bOff + k];
        return s;
    }

    /** Σ x[off + k]², in double. */
    public static double squaredNorm(float[] x, int off, int len) {
        double s = 0;
        for (int k = 0; k < len; k++) s += (double) x[off + k] * x[off + k];
        return s;
    }
}
