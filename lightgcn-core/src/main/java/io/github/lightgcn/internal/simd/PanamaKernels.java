package io.github.lightgcn.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} on the Vector API (preferred species). Only {@link VectorizationProvider} names this class, by
 * reflection, after checking that {@code jdk.incubator.vector} is in the boot layer: nothing else may refer to it,
 * or the library would fail to load on a JVM started without {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Same float operations in the same order as {@link ScalarKernels} (lane k of an accumulator is element k of
 * the scalar row), so results are bit-identical.
 */
final class PanamaKernels implements Kernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Floats of a row kept in registers at once: four vectors (64 floats with 512-bit vectors). */
    private static final int BLOCK = 4 * L;

    PanamaKernels() {}

    @Override
    public String name() { return "panama(" + S.vectorBitSize() + "-bit)"; }

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
    public void spmmPatternRows(int[] offsets, int[] columns, float[] rowScale, float[] x, int xBase, int dim,
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

    @Override
    public void adam(float[] params, float[] m, float[] v, int from, int to, float[] grad, int gOff,
                     float b1, float b2, float c1, float c2, float eps, float stepSize, float invSqrtBias2) {
        int p = from, len = to - from;
        for (int bound = from + S.loopBound(len); p < bound; p += L) {
            int q = gOff + (p - from);
            FloatVector g = FloatVector.fromArray(S, grad, q);
            FloatVector mp = FloatVector.fromArray(S, m, p).mul(b1).add(g.mul(c1));
            FloatVector vp = FloatVector.fromArray(S, v, p).mul(b2).add(g.mul(c2).mul(g));
            mp.intoArray(m, p);
            vp.intoArray(v, p);
            FloatVector denom = vp.lanewise(VectorOperators.SQRT).mul(invSqrtBias2).add(eps);
            FloatVector.fromArray(S, params, p).sub(mp.mul(stepSize).div(denom)).intoArray(params, p);
        }
        ScalarKernels.adamElements(params, m, v, p, to, grad, gOff + (p - from), b1, b2, c1, c2, eps, stepSize,
                invSqrtBias2);
    }

    @Override
    public void scoreTile4(float[] users, int uOff, int dim, float[] tile, int tOff, int width, float[] out) {
        // 4 users x 2 vectors of items = 8 accumulators; lane j sums item j's products in k order (= VectorOps.dot)
        int u0 = uOff, u1 = uOff + dim, u2 = uOff + 2 * dim, u3 = uOff + 3 * dim;
        for (int j = 0; j < width; j += 2 * L) {
            FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00;
            FloatVector a20 = a00, a21 = a00, a30 = a00, a31 = a00;
            for (int k = 0, t = tOff + j; k < dim; k++, t += width) {
                FloatVector t0 = FloatVector.fromArray(S, tile, t), t1 = FloatVector.fromArray(S, tile, t + L);
                float w0 = users[u0 + k], w1 = users[u1 + k], w2 = users[u2 + k], w3 = users[u3 + k];
                a00 = a00.add(t0.mul(w0));
                a01 = a01.add(t1.mul(w0));
                a10 = a10.add(t0.mul(w1));
                a11 = a11.add(t1.mul(w1));
                a20 = a20.add(t0.mul(w2));
                a21 = a21.add(t1.mul(w2));
                a30 = a30.add(t0.mul(w3));
                a31 = a31.add(t1.mul(w3));
            }
            a00.intoArray(out, j);
            a01.intoArray(out, j + L);
            a10.intoArray(out, width + j);
            a11.intoArray(out, width + j + L);
            a20.intoArray(out, 2 * width + j);
            a21.intoArray(out, 2 * width + j + L);
            a30.intoArray(out, 3 * width + j);
            a31.intoArray(out, 3 * width + j + L);
        }
    }

    @Override
    public int tileAlignment() { return 2 * L; }

    @Override
    public int selectAtLeast(float[] scores, int off, int len, float threshold, int[] idx) {
        int n = 0, j = 0;
        for (int bound = S.loopBound(len); j < bound; j += L) {
            long bits = FloatVector.fromArray(S, scores, off + j).compare(VectorOperators.GE, threshold).toLong();
            while (bits != 0) {
                idx[n++] = j + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        for (; j < len; j++) if (scores[off + j] >= threshold) idx[n++] = j;
        return n;
    }
}
