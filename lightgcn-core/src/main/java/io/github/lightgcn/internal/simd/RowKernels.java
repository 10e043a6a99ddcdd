package io.github.lightgcn.internal.simd;

/**
 * Element-wise operations on rows of flat {@code float[]} tables at offsets, for k in [0, len). {@link Kernels#SCALAR}'s
 * implementation is the oracle: every implementation computes each element with the same float operations (a
 * multiply then an add, never a fused multiply-add), so all give bit-identical results. Ranges must not overlap
 * unless they are the same range. No method checks its arguments or allocates.
 */
public interface RowKernels {

    /** {@code y[yOff + k] += alpha · x[xOff + k]}. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len);

    /** {@code y[yOff + k] += x[xOff + k]}. */
    void addTo(float[] x, int xOff, float[] y, int yOff, int len);

    /** {@code y[yOff + k] = x[xOff + k] + z[zOff + k]}. */
    void add(float[] x, int xOff, float[] z, int zOff, float[] y, int yOff, int len);

    /** {@code y[yOff + k] *= alpha}. */
    void scale(float alpha, float[] y, int yOff, int len);

    /** {@code y[yOff + k] = 0} (positive zero). */
    void zero(float[] y, int yOff, int len);

    /**
     * {@code y[yOff + k] += alpha · (x[aOff + k] − x[bOff + k])}: the BPR gradient of a triple's user row,
     * {@code G[u] += g·(f[j] − f[i])} (its item rows are {@link #axpy} with −g and g).
     */
    void addScaledDifference(float alpha, float[] x, int aOff, int bOff, float[] y, int yOff, int len);
}
