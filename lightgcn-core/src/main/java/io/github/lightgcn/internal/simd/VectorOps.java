package io.github.lightgcn.internal.simd;

/**
 * The few dense row operations the model needs, on rows stored in flat {@code float[]} arrays at an offset.
 * This is the scalar implementation (and the oracle for any vectorised one).
 */
public final class VectorOps {

    private VectorOps() {}

    /** Σ a[aOff + k] · b[bOff + k] for k in [0, len), accumulated in float in index order. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        float s = 0f;
        for (int k = 0; k < len; k++) s += a[aOff + k] * b[bOff + k];
        return s;
    }

    /** y[yOff + k] += alpha · x[xOff + k]. */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int k = 0; k < len; k++) y[yOff + k] += alpha * x[xOff + k];
    }

    /** Σ x[off + k]², in double. */
    public static double squaredNorm(float[] x, int off, int len) {
        double s = 0;
        for (int k = 0; k < len; k++) s += (double) x[off + k] * x[off + k];
        return s;
    }
}
