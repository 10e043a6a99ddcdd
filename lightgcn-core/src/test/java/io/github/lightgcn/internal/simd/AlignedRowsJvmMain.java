package io.github.lightgcn.internal.simd;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link AlignedRowsTest} in a JVM without compressed oops (so an object's reference is its address): prints
 * where row 0 of MAL-sized tables and of a small pinned buffer falls in a cache line, after allocating them between small objects and after
 * collections that would move an ordinary array. Reads addresses with {@code sun.misc.Unsafe}, by reflection (the
 * test classes are compiled inside the core module, which does not read {@code jdk.unsupported}).
 */
public final class AlignedRowsJvmMain {

    private static Object unsafe;
    private static Method getLong, arrayBaseOffset;

    public static void main(String[] args) throws ReflectiveOperationException {
        Class<?> c = Class.forName("sun.misc.Unsafe");
        Field f = c.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        unsafe = f.get(null);
        getLong = c.getMethod("getLong", Object.class, long.class);
        arrayBaseOffset = c.getMethod("arrayBaseOffset", Class.class);
        List<Object> keep = new ArrayList<>();
        List<float[]> tables = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            keep.add(new byte[8 + 24 * t]); // the allocation point is anywhere in a cache line
            tables.add(AlignedRows.allocate(6516, 64)); // MAL's users + items, dim 64: 1.7 MB
        }
        keep.add(new byte[40]);
        tables.add(AlignedRows.pinned(264, 64)); // a small buffer (66 KB): pinned, it is as aligned as a large table
        StringBuilder b = new StringBuilder("rows at");
        for (int gc = 0; gc < 3; gc++) {
            for (float[] table : tables) b.append(' ').append(rowOffset(table));
            for (int i = 0; i < 2000; i++) keep.add(new byte[1000]); // garbage, and survivors to move around
            System.gc();
            b.append(" |");
        }
        System.out.println(b + " header " + base(float[].class) + " keep " + keep.size());
    }

    private static long base(Class<?> arrayClass) throws ReflectiveOperationException {
        return ((Number) arrayBaseOffset.invoke(unsafe, arrayClass)).longValue();
    }

    /** Byte offset of row 0 (element BASE) within its 64-byte cache line. */
    private static long rowOffset(float[] table) throws ReflectiveOperationException {
        Object[] holder = {table};
        long address = (long) getLong.invoke(unsafe, holder, base(Object[].class));
        return (address + base(float[].class) + (long) AlignedRows.BASE * Float.BYTES) % 64;
    }
}
