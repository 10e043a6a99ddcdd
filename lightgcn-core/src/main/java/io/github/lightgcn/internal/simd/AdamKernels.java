package io.github.lightgcn.internal.simd;

/**
 * The element-wise Adam update, in the scalar form of {@code io.github.lightgcn.internal.train.Adam}. For p in
 * [from, to), with {@code g = grad[gOff + (p − from)]} and the step's coefficients {@code c}:
 * <pre>
 *   m[p] = c.beta1·m[p] + c.oneMinusBeta1·g
 *   v[p] = c.beta2·v[p] + (c.oneMinusBeta2·g)·g
 *   params[p] −= (c.stepSize·m[p]) / (√v[p] · c.invSqrtBias2 + c.epsilon)
 * </pre>
 * {@link Kernels#SCALAR}'s implementation is the oracle: every implementation does exactly these float operations
 * (square root correctly rounded, no fused multiply-add), so all give bit-identical results. No checks, no
 * allocation.
 */
public interface AdamKernels {

    void update(float[] params, float[] m, float[] v, int from, int to, float[] grad, int gOff, AdamCoefficients c);
}
