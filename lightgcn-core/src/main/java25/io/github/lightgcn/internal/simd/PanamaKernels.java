package io.github.lightgcn.internal.simd;

import jdk.incubator.vector.FloatVector;

/**
 * The Vector API set of {@link Kernels}. Only {@link VectorizationProvider} names this class, by reflection, after
 * checking that {@code jdk.incubator.vector} is in the boot layer: nothing else may refer to it or to the
 * {@code Panama*Kernels} it builds, or the library would fail to load on a JVM started without
 * {@code --add-modules jdk.incubator.vector}.
 */
final class PanamaKernels {

    private PanamaKernels() {}

    /** The Vector API kernels, one of each concern, for the preferred species of this CPU. */
    static Kernels create() {
        return new Kernels("panama(" + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit)",
                new PanamaSparseKernels(), new PanamaRowKernels(), new PanamaAdamKernels(), new PanamaScoringKernels());
    }
}
