package io.github.lightgcn.internal.simd;

/** {@link ScoringKernels} as plain loops: the oracle. */
final class ScalarScoringKernels implements ScoringKernels {

    static final ScalarScoringKernels INSTANCE = new ScalarScoringKernels();

    private ScalarScoringKernels() {}

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
    public void scoreRow(float[] query, int qOff, int dim, float[] tile, int tOff, int width, float[] out, int oOff) {
        for (int j = 0; j < width; j++) {
            float s = 0f;
            for (int k = 0; k < dim; k++) s += query[qOff + k] * tile[tOff + k * width + j];
            out[oOff + j] = s;
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
