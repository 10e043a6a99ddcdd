package io.github.lightgcn.internal.simd;

import java.util.Arrays;

/**
 * Embedding tables laid out so that each 64-float row starts on a cache-line boundary: row r at
 * {@code BASE + r·dim}. A large float[] starts at a GC region boundary plus a 16-byte header, so 12 floats in,
 * a gathered row touches 4 cache lines instead of 5 (measured 1.2 to 1.6 times faster per propagation layer on
 * Gowalla). If the JVM places arrays otherwise, only speed changes, never a result.
 */
public final class AlignedRows {

    /** Offset of row 0. */
    public static final int BASE = 12;

    private AlignedRows() {}

    /** A zeroed table of {@code rows × dim} floats starting at {@link #BASE}. */
    public static float[] allocate(long rows, int dim) {
        long size = rows * dim;
        if (size > Integer.MAX_VALUE - 8 - BASE) {
            throw new IllegalArgumentException("embedding table too large: " + rows + " rows x " + dim + " dims");
        }
        return new float[BASE + (int) size];
    }

    /** The rows of an aligned table as a plain row-major array (row r at {@code r·dim}). */
    public static float[] compact(float[] table) {
        return Arrays.copyOfRange(table, BASE, table.length);
    }

    /** A plain row-major array as an aligned table. */
    public static float[] aligned(float[] plain) {
        float[] table = new float[BASE + plain.length];
        System.arraycopy(plain, 0, table, BASE, plain.length);
        return table;
    }
}
