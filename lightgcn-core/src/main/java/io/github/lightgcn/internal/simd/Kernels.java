package io.github.lightgcn.internal.simd;

/**
 * The hot loops of the library behind one interface, with a scalar implementation ({@link ScalarKernels}, the test
 * oracle) and a Vector API one chosen at runtime by {@link VectorizationProvider}. Arrays are flat row-major tables
 * ({@code rows × dim}); the caller owns every buffer, nothing here allocates.
 *
 * <p>Every kernel does, per output element, the same float operations in the same order as its scalar twin (a
 * multiply then an add, never a fused multiply-add; sums over neighbours in column order), so the two
 * implementations give bit-identical results. The exceptions say so in their documentation. Input and output
 * ranges must not overlap unless they are the same range.
 */
public interface Kernels {

    /** A short name for logs and benchmarks, e.g. {@code "panama(512-bit)"} or {@code "scalar"}. */
    String name();

    /**
     * Sparse × dense rows of {@code Â = D^-1/2 A D^-1/2}, each non-zero's weight computed from the degree scales:
     * for r in [from, to), with {@code c = columns[p]},
     * {@code y[yBase + r·dim + k] = Σ_p (scale[r]·scale[c]) · x[xBase + c·dim + k]} over the row's non-zeros in
     * order. The weight is the same float product a stored values array would hold, read from {@code scale} (one
     * float per node, cache-resident) instead of a values array (one per non-zero): one memory stream and 4 bytes
     * per non-zero less (per Gowalla layer between no gain and 14% faster in noisy measurements, never slower in
     * their medians). The bases let a table start at an offset, e.g. so that its rows sit on cache-line boundaries
     * ({@code yBase} may be negative to write rows [from, to) into a small buffer).
     */
    void spmmRows(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int from, int to,
                  float[] y, int yBase);

    /**
     * The same product for the listed rows only: for i in [from, to), row {@code rows[i]} goes to
     * {@code y[yBase + (i - from)·dim ..]}.
     */
    void spmmRowList(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int[] rows,
                     int from, int to, float[] y, int yBase);

    /**
     * Pattern-only form (no weights): {@code y[yBase + r·dim ..] = rowScale[r] · Σ_p x[xBase + columns[p]·dim ..]}
     * for r in [from, to). With {@code x = D^-1/2 X} and {@code rowScale = d^-1/2} this is {@code Â X}; it rounds
     * differently from {@link #spmmRows}. Kept for the benchmark that compares the two forms.
     */
    void spmmPatternRows(int[] offsets, int[] columns, float[] rowScale, float[] x, int xBase, int dim, int from,
                         int to, float[] y, int yBase);

    /**
     * Scatter of one source row (whose degree scale is {@code rowScale}) to the non-zeros {@code p in [pFrom, pTo)}
     * of its CSR row: {@code y[yBase + columns[p]·dim + k] += (rowScale·scale[columns[p]]) · x[xOff + k]}.
     */
    void scatterRow(int[] columns, float[] scale, float rowScale, int pFrom, int pTo, float[] x, int xOff, float[] y,
                    int yBase, int dim);

    /** {@code y[yOff + k] += alpha · x[xOff + k]} for k in [0, len). */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len);

    /** {@code y[yOff + k] += x[xOff + k]} for k in [0, len). */
    void addTo(float[] x, int xOff, float[] y, int yOff, int len);

    /** {@code y[yOff + k] = x[xOff + k] + z[zOff + k]} for k in [0, len). */
    void add(float[] x, int xOff, float[] z, int zOff, float[] y, int yOff, int len);

    /** {@code y[yOff + k] *= alpha} for k in [0, len). */
    void scale(float alpha, float[] y, int yOff, int len);

    /** {@code y[yOff + k] = 0} for k in [0, len). */
    void zero(float[] y, int yOff, int len);

    /**
     * {@code y[yOff + k] += alpha · (x[aOff + k] − x[bOff + k])} for k in [0, len): the BPR gradient of a triple's
     * user row, {@code G[u] += g·(f[j] − f[i])} (its item rows are {@link #axpy} with −g and g).
     */
    void addScaledDifference(float alpha, float[] x, int aOff, int bOff, float[] y, int yOff, int len);

    /**
     * One Adam step on elements [from, to) of {@code params}, {@code m}, {@code v} with gradient
     * {@code grad[gOff + (p - from)]}, in the scalar form of {@code io.github.lightgcn.internal.train.Adam}:
     * {@code m = b1·m + c1·g; v = b2·v + c2·g·g; p -= stepSize·m / (√v · invSqrtBias2 + eps)}.
     */
    void adam(float[] params, float[] m, float[] v, int from, int to, float[] grad, int gOff,
              float b1, float b2, float c1, float c2, float eps, float stepSize, float invSqrtBias2);

    /**
     * Scores {@code r in [0, 4)} user rows {@code users[uOff + r·dim ..]} against {@code width} items of a k-major
     * item tile ({@code tile[tOff + k·width + j]} is dimension k of item j; width a multiple of
     * {@link #tileAlignment()}): {@code out[r·width + j] = Σ_k users[..k] · tile[..k, j]}, summed in k order from
     * 0f, i.e. exactly {@code VectorOps.dot} of the two rows.
     */
    void scoreTile4(float[] users, int uOff, int dim, float[] tile, int tOff, int width, float[] out);

    /** Multiple of items a score tile's width must be. */
    int tileAlignment();

    /**
     * Writes into {@code idx} the positions j in [0, len) with {@code scores[off + j] >= threshold} (never NaN),
     * ascending; returns their count.
     */
    int selectAtLeast(float[] scores, int off, int len, float threshold, int[] idx);
}
