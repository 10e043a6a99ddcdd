package io.github.lightgcn.internal.train;

/**
 * Dot products of one row against several rows of the same table, four at a time: each is summed in float in index
 * order, exactly {@link io.github.lightgcn.internal.simd.VectorOps#dot}, but the four independent sums hide the
 * latency of the additions (plain Java: the same bits on every JVM and kernel set).
 */
final class Dots {

    private Dots() {}

    /** {@code out[k] = dot(t[a..], t[rows[k]·dim..])} for k in [0, n), into {@code out[outOff + k]} as doubles. */
    static void rowAgainst(float[] t, int a, int[] rows, int rowsOff, int n, int dim, double[] out, int outOff) {
        int k = 0;
        for (; k + 4 <= n; k += 4) {
            int b0 = rows[rowsOff + k] * dim, b1 = rows[rowsOff + k + 1] * dim;
            int b2 = rows[rowsOff + k + 2] * dim, b3 = rows[rowsOff + k + 3] * dim;
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            for (int d = 0; d < dim; d++) {
                float x = t[a + d];
                s0 += x * t[b0 + d];
                s1 += x * t[b1 + d];
                s2 += x * t[b2 + d];
                s3 += x * t[b3 + d];
            }
            out[outOff + k] = s0;
            out[outOff + k + 1] = s1;
            out[outOff + k + 2] = s2;
            out[outOff + k + 3] = s3;
        }
        for (; k < n; k++) {
            int b = rows[rowsOff + k] * dim;
            float s = 0f;
            for (int d = 0; d < dim; d++) s += t[a + d] * t[b + d];
            out[outOff + k] = s;
        }
    }
}
