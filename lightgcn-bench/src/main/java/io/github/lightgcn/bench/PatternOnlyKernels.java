package io.github.lightgcn.bench;

import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forms of one propagation layer the library does not use, kept for the benchmarks that compare them with its
 * kernel: the pattern-only gather-sum {@code y[r] = rowScale[r] · Σ_p x[columns[p]]} (with {@code x = D^-1/2 X} and
 * {@code rowScale = d^-1/2} it is {@code Â X}, but it rounds differently from the library's
 * {@code Σ_p (s_r s_c) · x_c}, so every result would change), in a scalar and a Vector API form that agree bit for
 * bit, and the weights as a stored values array (the library computes them from the degree scales).
 */
final class PatternOnlyKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 4 * L;

    private PatternOnlyKernels() {}

    /** The weights d_r^-1/2 · d_c^-1/2 per non-zero, as the library's kernels compute them. */
    static float[] storedValues(NormalizedAdjacency adj) {
        int[] offsets = adj.rowOffsets(), columns = adj.columns();
        float[] scale = adj.invSqrtDegree(), values = new float[adj.nonZeros()];
        for (int r = 0; r < adj.numNodes(); r++) {
            for (int p = offsets[r]; p < offsets[r + 1]; p++) values[p] = scale[r] * scale[columns[p]];
        }
        return values;
    }

    /** The pattern-only gather-sum for rows [from, to), plain loops (the oracle of {@link #spmmPatternRows}). */
    static void spmmPatternRowsScalar(int[] offsets, int[] columns, float[] rowScale, float[] x, int xBase, int dim,
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

    /** The same on the Vector API: four vectors of a row in registers, then single masked ones. */
    static void spmmPatternRows(int[] offsets, int[] columns, float[] rowScale, float[] x, int xBase, int dim,
                                int from, int to, float[] y, int yBase) {
        for (int r = from; r < to; r++) {
            int p0 = offsets[r], p1 = offsets[r + 1], out = yBase + r * dim;
            float s = rowScale[r];
            int c = 0;
            for (; c + BLOCK <= dim; c += BLOCK) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
                for (int p = p0; p < p1; p++) {
                    int in = xBase + columns[p] * dim + c;
                    a0 = a0.add(FloatVector.fromArray(S, x, in));
                    a1 = a1.add(FloatVector.fromArray(S, x, in + L));
                    a2 = a2.add(FloatVector.fromArray(S, x, in + 2 * L));
                    a3 = a3.add(FloatVector.fromArray(S, x, in + 3 * L));
                }
                a0.mul(s).intoArray(y, out + c);
                a1.mul(s).intoArray(y, out + c + L);
                a2.mul(s).intoArray(y, out + c + 2 * L);
                a3.mul(s).intoArray(y, out + c + 3 * L);
            }
            for (; c < dim; c += L) {
                VectorMask<Float> m = S.indexInRange(c, dim);
                FloatVector acc = FloatVector.zero(S);
                for (int p = p0; p < p1; p++) acc = acc.add(FloatVector.fromArray(S, x, xBase + columns[p] * dim + c, m));
                acc.mul(s).intoArray(y, out + c, m);
            }
        }
    }
}
