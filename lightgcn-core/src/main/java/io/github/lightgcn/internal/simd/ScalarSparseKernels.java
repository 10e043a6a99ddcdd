package io.github.lightgcn.internal.simd;

/** {@link SparseKernels} as plain loops: the oracle. */
final class ScalarSparseKernels implements SparseKernels {

    static final ScalarSparseKernels INSTANCE = new ScalarSparseKernels();

    private ScalarSparseKernels() {}

    @Override
    public void spmmRows(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int from, int to,
                         float[] y, int yBase) {
        for (int r = from; r < to; r++) gatherRow(offsets, columns, scale, x, xBase, dim, r, y, yBase + r * dim);
    }

    @Override
    public void spmmRowList(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int[] rows,
                            int from, int to, float[] y, int yBase) {
        for (int i = from; i < to; i++) {
            gatherRow(offsets, columns, scale, x, xBase, dim, rows[i], y, yBase + (i - from) * dim);
        }
    }

    private static void gatherRow(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int r,
                                  float[] y, int out) {
        for (int k = 0; k < dim; k++) y[out + k] = 0f;
        float s = scale[r];
        for (int p = offsets[r]; p < offsets[r + 1]; p++) {
            float v = s * scale[columns[p]];
            int in = xBase + columns[p] * dim;
            for (int k = 0; k < dim; k++) y[out + k] += v * x[in + k];
        }
    }

    @Override
    public void scatterRow(int[] columns, float[] scale, float rowScale, int pFrom, int pTo, float[] x, int xOff,
                           float[] y, int yBase, int dim) {
        for (int p = pFrom; p < pTo; p++) {
            float v = rowScale * scale[columns[p]];
            int out = yBase + columns[p] * dim;
            for (int k = 0; k < dim; k++) y[out + k] += v * x[xOff + k];
        }
    }
}
