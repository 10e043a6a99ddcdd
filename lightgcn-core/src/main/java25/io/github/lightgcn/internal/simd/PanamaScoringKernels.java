package io.github.lightgcn.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScoringKernels} on the Vector API (preferred species): lane j of an accumulator sums item j's products in k
 * order, exactly {@link VectorOps#dot}; the selection compares whole vectors and walks the mask's bits in order.
 * Loaded only through {@link PanamaKernels}.
 */
final class PanamaScoringKernels implements ScoringKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void scoreTile4(float[] users, int uOff, int dim, float[] tile, int tOff, int width, float[] out) {
        // 4 users x 2 vectors of items = 8 accumulators
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
    public void scoreRow(float[] query, int qOff, int dim, float[] tile, int tOff, int width, float[] out, int oOff) {
        int j = 0;
        for (; j + 4 * L <= width; j += 4 * L) { // 4 independent accumulators hide the add latency
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int k = 0, t = tOff + j; k < dim; k++, t += width) {
                float w = query[qOff + k];
                a0 = a0.add(FloatVector.fromArray(S, tile, t).mul(w));
                a1 = a1.add(FloatVector.fromArray(S, tile, t + L).mul(w));
                a2 = a2.add(FloatVector.fromArray(S, tile, t + 2 * L).mul(w));
                a3 = a3.add(FloatVector.fromArray(S, tile, t + 3 * L).mul(w));
            }
            a0.intoArray(out, oOff + j);
            a1.intoArray(out, oOff + j + L);
            a2.intoArray(out, oOff + j + 2 * L);
            a3.intoArray(out, oOff + j + 3 * L);
        }
        for (; j < width; j += 2 * L) { // width is a multiple of 2L
            FloatVector a0 = FloatVector.zero(S), a1 = a0;
            for (int k = 0, t = tOff + j; k < dim; k++, t += width) {
                float w = query[qOff + k];
                a0 = a0.add(FloatVector.fromArray(S, tile, t).mul(w));
                a1 = a1.add(FloatVector.fromArray(S, tile, t + L).mul(w));
            }
            a0.intoArray(out, oOff + j);
            a1.intoArray(out, oOff + j + L);
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
