package io.github.lightgcn.internal.simd;

import java.util.Objects;

/**
 * One implementation of each kernel concern, as the provider hands them out for a JVM
 * ({@link VectorizationProvider#kernels()}) and as the code that runs them receives them (by constructor). The
 * scalar set {@link #SCALAR} is the oracle of every other: the same inputs give the same outputs, bit for bit.
 *
 * @param name    a short name for logs, provenance and benchmarks, e.g. {@code "panama(512-bit)"} or {@code "scalar"}
 * @param sparse  the sparse × dense products of propagation
 * @param rows    element-wise row operations
 * @param adam    the Adam update
 * @param scoring the ranking's scoring and selection loops
 */
public record Kernels(String name, SparseKernels sparse, RowKernels rows, AdamKernels adam, ScoringKernels scoring) {

    /** Plain loops: the portable path and the oracle. */
    public static final Kernels SCALAR = new Kernels("scalar", ScalarSparseKernels.INSTANCE, ScalarRowKernels.INSTANCE,
            ScalarAdamKernels.INSTANCE, ScalarScoringKernels.INSTANCE);

    public Kernels {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sparse, "sparse");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(adam, "adam");
        Objects.requireNonNull(scoring, "scoring");
    }
}
