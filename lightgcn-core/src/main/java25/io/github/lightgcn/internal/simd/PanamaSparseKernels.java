package io.github.lightgcn.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SparseKernels} on the Vector API (preferred species): an output row's dimensions are the lanes of its
 * accumulators, a block of four vectors (64 floats with 512-bit vectors) kept in registers while the row's
 * neighbours are summed, then single, possibly masked, vectors for the rest. Lane k does element k's scalar
 * operations in the scalar order, so the results are {@link ScalarSparseKernels}'s bit for bit. Loaded only through
 * {@link PanamaKernels}.
 */
final class PanamaSparseKernels implements SparseKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int BLOCK = 4 * L;

    @Override
    public void spmmRows(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int from, int to,
                         float[] y, int yBase) {
        if (dim == BLOCK) {
            for (int r = from; r < to; r++) {
                gatherBlock(offsets[r], offsets[r + 1], columns, scale[r], scale, x, dim, xBase, y, yBase + r * dim);
            }
        } else {
            for (int r = from; r < to; r++) {
                gatherRow(offsets[r], offsets[r + 1], columns, scale[r], scale, x, xBase, dim, y, yBase + r * dim);
            }
        }
    }

    @Override
    public void spmmRowList(int[] offsets, int[] columns, float[] scale, float[] x, int xBase, int dim, int[] rows,
                            int from, int to, float[] y, int yBase) {
        for (int i = from; i < to; i++) {
            int r = rows[i];
            gatherRow(offsets[r], offsets[r + 1], columns, scale[r], scale, x, xBase, dim, y, yBase + (i - from) * dim);
        }
    }

    /** One output row, any dim: blocks of four vectors in registers, then single (possibly masked) vectors. */
    private static void gatherRow(int p0, int p1, int[] columns, float rowScale, float[] scale, float[] x, int xBase,
                                  int dim, float[] y, int out) {
        int c = 0;
        for (; c + BLOCK <= dim; c += BLOCK) {
            gatherBlock(p0, p1, columns, rowScale, scale, x, dim, xBase + c, y, out + c);
        }
        for (; c < dim; c += L) {
            VectorMask<Float> m = S.indexInRange(c, dim);
            FloatVector acc = FloatVector.zero(S);
            for (int p = p0; p < p1; p++) {
                int col = columns[p];
                acc = acc.add(FloatVector.fromArray(S, x, xBase + col * dim + c, m).mul(rowScale * scale[col]));
            }
            acc.intoArray(y, out + c, m);
        }
    }

    /** Four vectors of one output row (x[c + columns[p]·dim ..] of each neighbour), accumulated in registers. */
    private static void gatherBlock(int p0, int p1, int[] columns, float rowScale, float[] scale, float[] x, int dim,
                                    int c, float[] y, int out) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (int p = p0; p < p1; p++) {
            int col = columns[p];
            float v = rowScale * scale[col];
            int in = col * dim + c;
            a0 = a0.add(FloatVector.fromArray(S, x, in).mul(v));
            a1 = a1.add(FloatVector.fromArray(S, x, in + L).mul(v));
            a2 = a2.add(FloatVector.fromArray(S, x, in + 2 * L).mul(v));
            a3 = a3.add(FloatVector.fromArray(S, x, in + 3 * L).mul(v));
        }
        a0.intoArray(y, out);
        a1.intoArray(y, out + L);
        a2.intoArray(y, out + 2 * L);
        a3.intoArray(y, out + 3 * L);
    }

    @Override
    public void scatterRow(int[] columns, float[] scale, float rowScale, int pFrom, int pTo, float[] x, int xOff,
                           float[] y, int yBase, int dim) {
        int c = 0;
        for (; c + BLOCK <= dim; c += BLOCK) {
            FloatVector x0 = FloatVector.fromArray(S, x, xOff + c), x1 = FloatVector.fromArray(S, x, xOff + c + L);
            FloatVector x2 = FloatVector.fromArray(S, x, xOff + c + 2 * L);
            FloatVector x3 = FloatVector.fromArray(S, x, xOff + c + 3 * L);
            for (int p = pFrom; p < pTo; p++) {
                int col = columns[p];
                float v = rowScale * scale[col];
                int out = yBase + col * dim + c;
                FloatVector.fromArray(S, y, out).add(x0.mul(v)).intoArray(y, out);
                FloatVector.fromArray(S, y, out + L).add(x1.mul(v)).intoArray(y, out + L);
                FloatVector.fromArray(S, y, out + 2 * L).add(x2.mul(v)).intoArray(y, out + 2 * L);
                FloatVector.fromArray(S, y, out + 3 * L).add(x3.mul(v)).intoArray(y, out + 3 * L);
            }
        }
        for (; c < dim; c += L) {
            VectorMask<Float> m = S.indexInRange(c, dim);
            FloatVector xv = FloatVector.fromArray(S, x, xOff + c, m);
            for (int p = pFrom; p < pTo; p++) {
                int col = columns[p], out = yBase + col * dim + c;
                FloatVector.fromArray(S, y, out, m).add(xv.mul(rowScale * scale[col])).intoArray(y, out, m);
            }
        }
    }
}
