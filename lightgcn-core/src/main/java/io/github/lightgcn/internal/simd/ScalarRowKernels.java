package io.github.lightgcn.internal.simd;

import java.util.Arrays;

/** {@link RowKernels} as plain loops: the oracle. */
final class ScalarRowKernels implements RowKernels {

    static final ScalarRowKernels INSTANCE = new ScalarRowKernels();

    private ScalarRowKernels() {}

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
        Arrays.fill(y, yOff, yOff + len, 0f);
    }

    @Override
    public void addScaledDifference(float alpha, float[] x, int aOff, int bOff, float[] y, int yOff, int len) {
        for (int k = 0; k < len; k++) y[yOff + k] += alpha * (x[aOff + k] - x[bOff + k]);
    }
}
