package io.github.lightgcn.internal.simd;

/** {@link AdamKernels} one element at a time: the oracle, and the tail of the vectorised kernel. */
final class ScalarAdamKernels implements AdamKernels {

    static final ScalarAdamKernels INSTANCE = new ScalarAdamKernels();

    private ScalarAdamKernels() {}

    @Override
    public void update(float[] params, float[] m, float[] v, int from, int to, float[] grad, int gOff,
                       AdamCoefficients c) {
        elements(params, m, v, from, to, grad, gOff, c);
    }

    /** Adam on elements [from, to), one at a time. */
    static void elements(float[] params, float[] m, float[] v, int from, int to, float[] grad, int gOff,
                         AdamCoefficients c) {
        float b1 = c.beta1(), b2 = c.beta2(), c1 = c.oneMinusBeta1(), c2 = c.oneMinusBeta2(), eps = c.epsilon();
        float stepSize = c.stepSize(), invSqrtBias2 = c.invSqrtBias2();
        for (int p = from, q = gOff; p < to; p++, q++) {
            float g = grad[q];
            float mp = b1 * m[p] + c1 * g;
            float vp = b2 * v[p] + c2 * g * g;
            m[p] = mp;
            v[p] = vp;
            params[p] -= stepSize * mp / ((float) Math.sqrt(vp) * invSqrtBias2 + eps);
        }
    }
}
