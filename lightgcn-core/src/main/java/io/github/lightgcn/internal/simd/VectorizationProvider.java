package io.github.lightgcn.internal.simd;

import java.util.Locale;

/**
 * Chooses the {@link Kernels} once per JVM, like Lucene's {@code VectorizationProvider}: the Vector API ones when
 * the {@code jdk.incubator.vector} module is present (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}), else the scalar ones, with one log line saying how to enable SIMD.
 * The Vector API class is loaded by name only on the first path, so a JVM without the module never loads it.
 *
 * <p>System property {@code lightgcn.simd=false} forces the scalar kernels (for comparisons and tests).
 */
public final class VectorizationProvider {

    static final String PANAMA_CLASS = "io.github.lightgcn.internal.simd.PanamaKernels";
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private VectorizationProvider() {}

    /** The kernels of this JVM. */
    public static Kernels kernels() { return Holder.KERNELS; }

    /** Whether {@link #kernels()} are the Vector API ones. */
    public static boolean simd() { return Holder.KERNELS != ScalarKernels.INSTANCE; }

    private static final class Holder {
        static final Kernels KERNELS = choose(System.getProperty("lightgcn.simd"),
                ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent(), System.getLogger("io.github.lightgcn.simd"));
    }

    /**
     * The decision, separated from the JVM's state so that it can be tested.
     *
     * @param property     the value of {@code lightgcn.simd} (null when unset)
     * @param moduleLoaded whether {@code jdk.incubator.vector} is in the boot layer
     */
    static Kernels choose(String property, boolean moduleLoaded, System.Logger log) {
        if (property != null && property.trim().toLowerCase(Locale.ROOT).equals("false")) {
            log.log(System.Logger.Level.INFO, "lightgcn: SIMD disabled by -Dlightgcn.simd=false; using scalar kernels");
            return ScalarKernels.INSTANCE;
        }
        if (!moduleLoaded) {
            log.log(System.Logger.Level.WARNING, "lightgcn: the Java Vector API is not available, using scalar kernels;"
                    + " start the JVM with --add-modules " + VECTOR_MODULE + " for SIMD (several times faster)");
            return ScalarKernels.INSTANCE;
        }
        try {
            Class<?> c = Class.forName(PANAMA_CLASS);
            var constructor = c.getDeclaredConstructor();
            return (Kernels) constructor.newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            log.log(System.Logger.Level.WARNING, "lightgcn: could not load the Vector API kernels (" + e
                    + "), using scalar kernels");
            return ScalarKernels.INSTANCE;
        }
    }
}
