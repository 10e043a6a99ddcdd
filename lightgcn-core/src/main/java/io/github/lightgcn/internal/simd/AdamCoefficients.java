package io.github.lightgcn.internal.simd;

/**
 * The floats of one Adam step, computed once per step by {@code io.github.lightgcn.internal.train.Adam}: the decay
 * rates and their complements, ε, the bias-corrected step size {@code lr / (1 − β1^t)} and
 * {@code 1 / √(1 − β2^t)}.
 */
public record AdamCoefficients(float beta1, float beta2, float oneMinusBeta1, float oneMinusBeta2, float epsilon,
                               float stepSize, float invSqrtBias2) {}
