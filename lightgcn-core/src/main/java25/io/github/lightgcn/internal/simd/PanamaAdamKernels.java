package io.github.lightgcn.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AdamKernels} on the Vector API (preferred species), whole vectors then {@link ScalarAdamKernels}'s loop for
 * the tail; the lanewise square root is correctly rounded like {@link Math#sqrt}, so the results are the scalar
 * ones bit for bit. Loaded only through {@link PanamaKernels}.
 */
final class PanamaAdamKernels implements AdamKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void update(float[] params, float[] m, float[] v, int from, int to, float[] grad, int gOff,
                       AdamCoefficients c) {
        float b1 = c.beta1(), b2 = c.beta2(), c1 = c.oneMinusBeta1(), c2 = c.oneMinusBeta2(), eps = c.epsilon();
        float stepSize = c.stepSize(), invSqrtBias2 = c.invSqrtBias2();
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
        ScalarAdamKernels.elements(params, m, v, p, to, grad, gOff + (p - from), c);
    }
}
