package io.github.lightgcn.internal.simd;

/**
 * Sparse × dense products over the CSR rows of {@code Â = D^-1/2 A D^-1/2}, each non-zero's weight computed from the
 * degree scales: the weight of non-zero p of row r is {@code scale[r] · scale[columns[p]]}, the same float product a
 * stored values array would hold, read from {@code scale} (one float per node, cache-resident) instead of one value
 * per non-zero (one memory stream and 4 bytes per non-zero less). Embedding tables are flat row-major
 * {@code float[]}; a base offset lets a table start at an offset, e.g. so that its rows sit on cache-line boundaries.
 *
 * <p>{@link Kernels#SCALAR}'s implementation is the oracle: every implementation does, per output element, the same
 * float operations in the same order (a multiply then an add, never a fused multiply-add; a row's neighbours summed
 * in column order, starting from {@code 0f}), so all give bit-identical results. Input and output ranges must not
 * overlap. No method checks its arguments or allocates: the callers own every buffer.
 */
public interface SparseKernels {

    /**
     * For r in [from, to): {@code y[yBase + r·dim + k] = Σ_p (scale[r]·scale[c]) · x[xBase + c·dim + k]} with
     * {@code c = columns[p]} over the row's non-zeros {@code p in [offsets[r], offsets[r + 1])} in order.
     * {@code yBase} may be negative, to write rows [from, to) into a small buffer.
     */
    void spmmRows(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int from, int to,
                  float[] y, int yBase);

    /**
     * The same product for listed rows only: for i in [from, to), row {@code rows[i]} goes to
     * {@code y[yBase + (i - from)·dim ..]}.
     */
    void spmmRowList(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int[] rows,
                     int from, int to, float[] y, int yBase);

    /**
     * Scatter of one source row (whose degree scale is {@code rowScale}) to the non-zeros {@code p in [pFrom, pTo)}
     * of its CSR row: {@code y[yBase + columns[p]·dim + k] += (rowScale·scale[columns[p]]) · x[xOff + k]}, p in order.
     */
    void scatterRow(int[] columns, float[] scale, float rowScale, int pFrom, int pTo, float[] x, int xOff, float[] y,
                    int yBase, int dim);
}
