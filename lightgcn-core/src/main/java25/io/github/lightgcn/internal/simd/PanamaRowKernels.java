package io.github.lightgcn.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API (preferred species), whole vectors then a scalar tail; each element gets
 * {@link ScalarRowKernels}'s float operations, so the results are the same bit for bit. Loaded only through
 * {@link PanamaKernels}.
 */
final class PanamaRowKernels implements RowKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        int k = 0;
        for (int bound = S.loopBound(len); k < bound; k += L) {
            FloatVector.fromArray(S, y, yOff + k).add(FloatVector.fromArray(S, x, xOff + k).mul(alpha))
                    .intoArray(y, yOff + k);
        }
        for (; k < len; k++) y[yOff + k] += alpha * x[xOff + k];
    }

    @Override
    public void addTo(float[] x, int xOff, float[] y, int yOff, int len) {
        int k = 0;
        for (int bound = S.loopBound(len); k < bound; k += L) {
            FloatVector.fromArray(S, y, yOff + k).add(FloatVector.fromArray(S, x, xOff + k)).intoArray(y, yOff + k);
        }
        for (; k < len; k++) y[yOff + k] += x[xOff + k];
    }

    @Override
    public void add(float[] x, int xOff, float[] z, int zOff, float[] y, int yOff, int len) {
        int k = 0;
        for (int bound = S.loopBound(len); k < bound; k += L) {
            FloatVector.fromArray(S, x, xOff + k).add(FloatVector.fromArray(S, z, zOff + k)).intoArray(y, yOff + k);
        }
        for (; k < len; k++) y[yOff + k] = x[xOff + k] + z[zOff + k];
    }

    @Override
    public void scale(float alpha, float[] y, int yOff, int len) {
        int k = 0;
        for (int bound = S.loopBound(len); k < bound; k += L) {
            FloatVector.fromArray(S, y, yOff + k).mul(alpha).intoArray(y, yOff + k);
        }
        for (; k < len; k++) y[yOff + k] *= alpha;
    }

    @Override
    public void zero(float[] y, int yOff, int len) {
        FloatVector z = FloatVector.zero(S);
        int k = 0;
        for (int bound = S.loopBound(len); k < bound; k += L) z.intoArray(y, yOff + k);
        for (; k < len; k++) y[yOff + k] = 0f;
    }

    @Override
    public void addScaledDifference(float alpha, float[] x, int aOff, int bOff, float[] y, int yOff, int len) {
        int k = 0;
        for (int bound = S.loopBound(len); k < bound; k += L) {
            FloatVector diff = FloatVector.fromArray(S, x, aOff + k).sub(FloatVector.fromArray(S, x, bOff + k));
            FloatVector.fromArray(S, y, yOff + k).add(diff.mul(alpha)).intoArray(y, yOff + k);
        }
        for (; k < len; k++) y[yOff + k] += alpha * (x[aOff + k] - x[bOff + k]);
    }
}
