package io.github.lightgcn.internal.simd;

/** Plain loops: the portable path and the oracle every vectorised kernel is tested against. */
public final class ScalarKernels implements Kernels {

    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public String name() { return "scalar"; }

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
    public void spmmPatternRows(int[] offsets, int[] columns, float[] rowScale, float[] x, int xBase, int dim,
                                int from, int to, float[] y, int yBase) {
        for (int r = from; r < to; r++) {
            int out = yBase + r * dim;
            for (int k = 0; k < dim; k++) y[out + k] = 0f;
            for (int p = offsets[r]; p < offsets[r + 1]; p++) {
                int in = xBase + columns[p] * dim;
                for (int k = 0; k < dim; k++) y[out + k] += x[in + k];
            }
            float s = rowScale[r];
            for (int k = 0; k < dim; k++) y[out + k] *= s;
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

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int k = 0; k < len; k++) y[yOff + k] += alpha * x[xOff + k];
    }

    @Override
    public void addTo(float[] x, int xOff, float[] y, int yOff, int len) {
        for (int k = 0; k < len; k++) y[yOff + k] += x[xOff + k];
    }

    @Override
    public void add(float[] x, int xOff, float[] z, int zOff, float[] y, int yOff, int len) {
        for (int k = 0; k < len; k++) y[yOff + k] = x[xOff + k] + z[zOff + k];
    }

    @Override
    public void scale(float alpha, float[] y, int yOff, int len) {
        for (int k = 0; k < len; k++) y[yOff + k] *= alpha;
    }

    @Override
    public void zero(float[] y, int yOff, int len) {
        java.util.Arrays.fill(y, yOff, yOff + len, 0f);
    }

    @Override
    public void addScaledDifference(float alpha, float[] x, int aOff, int bOff, float[] y, int yOff, int len) {
        for (int k = 0; k < len; k++) y[yOff + k] += alpha * (x[aOff + k] - x[bOff + k]);
    }

    @Override
    public void adam(float[] params, float[] m, float[] v, int from, int to, float[] grad, int gOff,
                     float b1, float b2, float c1, float c2, float eps, float stepSize, float invSqrtBias2) {
        adamElements(params, m, v, from, to, grad, gOff, b1, b2, c1, c2, eps, stepSize, invSqrtBias2);
    }

    /** Adam on elements [from, to), one at a time; also the tail of the vectorised kernel. */
    static void adamElements(float[] params, float[] m, float[] v, int from, int to, float[] grad, int gOff,
                             float b1, float b2, float c1, float c2, float eps, float stepSize, float invSqrtBias2) {
        for (int p = from, q = gOff; p < to; p++, q++) {
            float g = grad[q];
            float mp = b1 * m[p] + c1 * g;
            float vp = b2 * v[p] + c2 * g * g;
            m[p] = mp;
            v[p] = vp;
            params[p] -= stepSize * mp / ((float) Math.sqrt(vp) * invSqrtBias2 + eps);
        }
    }

    @Override
    public void scoreTile4(float[] users, int uOff, int dim, float[] tile, int tOff, int width, float[] out) {
        for (int r = 0; r < 4; r++) {
            for (int j = 0; j < width; j++) {
                float s = 0f;
                for (int k = 0; k < dim; k++) s += users[uOff + r * dim + k] * tile[tOff + k * width + j];
                out[r * width + j] = s;
            }
        }
    }

    @Override
    public int tileAlignment() { return 1; }

    @Override
    public int selectAtLeast(float[] scores, int off, int len, float threshold, int[] idx) {
        int n = 0;
        for (int j = 0; j < len; j++) if (scores[off + j] >= threshold) idx[n++] = j;
        return n;
    }
}
