package io.github.lightgcn.internal.simd;

import java.util.Locale;

/**
 * Chooses the {@link Kernels} once per JVM, like Lucene's {@code VectorizationProvider}: the Vector API set when the
 * {@code jdk.incubator.vector} module is present (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}), else {@link Kernels#SCALAR}, with one log line saying how to enable
 * SIMD. The Vector API classes are loaded by name only on the first path, so a JVM without the module never loads
 * them. The choice is handed out, not looked up by the code that runs the kernels: whoever builds a training step,
 * a propagation, an Adam or a scorer passes the set (or one of its concerns) to its constructor.
 *
 * <p>System property {@code lightgcn.simd=false} forces the scalar kernels (for comparisons and tests).
 */
public final class VectorizationProvider {

    /** The factory of the Vector API set, loaded by name; its {@code create()} builds the set. */
    static final String PANAMA_CLASS = "io.github.lightgcn.internal.simd.PanamaKernels";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The first Java whose class files hold the Vector API kernels (the multi-release part of the jar). */
    static final int SIMD_JAVA = 25;

    private VectorizationProvider() {}

    /** The kernels of this JVM. */
    public static Kernels kernels() { return Holder.KERNELS; }

    /** Whether {@link #kernels()} are the Vector API ones. */
    public static boolean simd() { return Holder.KERNELS != Kernels.SCALAR; }

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
            return Kernels.SCALAR;
        }
        if (Runtime.version().feature() < SIMD_JAVA) {
            // the Panama kernels live in the jar's META-INF/versions/25: older JVMs do not see them
            log.log(System.Logger.Level.INFO, "lightgcn: Java " + Runtime.version().feature() + ": using the scalar "
                    + "kernels (the Vector API kernels need Java " + SIMD_JAVA + " or newer with --add-modules "
                    + VECTOR_MODULE + "; results are the same, only slower)");
            return Kernels.SCALAR;
        }
        if (!moduleLoaded) {
            log.log(System.Logger.Level.WARNING, "lightgcn: the Java Vector API is not available, using scalar kernels;"
                    + " start the JVM with --add-modules " + VECTOR_MODULE + " for SIMD (several times faster)");
            return Kernels.SCALAR;
        }
        try {
            var create = Class.forName(PANAMA_CLASS).getDeclaredMethod("create");
            return (Kernels) create.invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            log.log(System.Logger.Level.WARNING, "lightgcn: could not load the Vector API kernels (" + e
                    + "), using scalar kernels");
            return Kernels.SCALAR;
        }
    }
}
