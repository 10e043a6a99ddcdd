package io.github.lightgcn.internal.simd;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * Embedding tables laid out so that each 64-float row starts on a cache-line boundary: row r at
 * {@code BASE + r·dim}. G1 places an array of at least half a heap region (a "humongous" object) at the start of a
 * region, where it stays; its data then starts 16 bytes in (the array header), so 12 floats in, a gathered row
 * touches 4 cache lines instead of 5 (measured 1.2 to 1.6 times faster per propagation layer on Gowalla, 1.4 to 1.6
 * on MAL).
 *
 * <p>A smaller array lands anywhere in a region and moves at every collection: MAL's 1.7 MB tables are below half
 * of the 4 MB regions G1 picks for this machine's default 6 GB heap, and training them with rows 32 bytes off a
 * line made the command line's epochs slower than the benchmark's (whose 2 GB heap has 1 MB regions). So
 * {@link #allocate} pads a table to half a region when it is at least a quarter of that (at most 4 times its size;
 * smaller tables are small work). The region size is read from the JVM ({@code jdk.management}); without it, or
 * with another collector, nothing is padded. If the JVM places arrays otherwise, only speed changes, never a
 * result.
 */
public final class AlignedRows {

    /** Offset of row 0. */
    public static final int BASE = 12;

    /** Floats that make a table humongous for G1 (more than half a region), or 0 when unknown. */
    static final long HUMONGOUS_FLOATS = humongousFloats(g1RegionBytes());

    private AlignedRows() {}

    /** A zeroed table of {@code rows × dim} floats starting at {@link #BASE} (its length may be larger). */
    public static float[] allocate(long rows, int dim) {
        long size = BASE + rows * dim;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("embedding table too large: " + rows + " rows x " + dim + " dims");
        }
        return new float[(int) paddedLength(size, HUMONGOUS_FLOATS)];
    }

    /**
     * A table like {@link #allocate}'s but padded to half a region whatever its size: for small buffers that hot
     * loops read and write row by row.
     */
    public static float[] pinned(long rows, int dim) {
        long size = BASE + rows * dim;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("embedding table too large: " + rows + " rows x " + dim + " dims");
        }
        return new float[(int) Math.max(size, HUMONGOUS_FLOATS)];
    }

    /** A plain row-major array as an aligned table (as {@link #allocate}d, then filled). */
    public static float[] aligned(float[] plain) {
        float[] table = new float[(int) paddedLength(BASE + (long) plain.length, HUMONGOUS_FLOATS)];
        System.arraycopy(plain, 0, table, BASE, plain.length);
        return table;
    }

    /** {@code size}, or {@code humongous} when size is at least a quarter of it (0: never padded). */
    static long paddedLength(long size, long humongous) {
        return size < humongous && 4 * size >= humongous ? humongous : size;
    }

    /** The floats an array needs to be more than half of a region of {@code regionBytes} (0 when that is 0). */
    static long humongousFloats(long regionBytes) {
        return regionBytes <= 0 ? 0 : regionBytes / 2 / Float.BYTES + 1;
    }

    /** G1's region size in bytes, or 0 when the JVM does not run G1 or cannot say. */
    private static long g1RegionBytes() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null || !Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue())) return 0;
            return Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException | LinkageError e) { // no jdk.management module, or no such option
            return 0;
        }
    }
}
