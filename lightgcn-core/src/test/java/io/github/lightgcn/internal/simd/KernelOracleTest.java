package io.github.lightgcn.internal.simd;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every operation of every kernel concern on the oracle ({@link Kernels#SCALAR}) and on the Vector API set, over
 * many sizes (whole vectors, blocks of four, masked and scalar tails), offsets and random inputs with signed zeros,
 * infinities and NaNs mixed in, like Lucene's {@code TestVectorUtilSupport}: each case runs on fresh copies of the
 * same arrays, and every output element must have the same bits ({@link Float#floatToIntBits}, so -0 differs from
 * +0 and only NaN payloads are not compared). {@link #everyOperationOfEveryConcernIsCompared} fails when a concern
 * gains an operation that this test does not run.
 */
class KernelOracleTest {

    private static final Kernels PANAMA = PanamaKernels.create();
    private static final int[] DIMS = sizes(1, 20, 31, 32, 33, 47, 48, 49, 63, 64, 65, 100, 127, 128, 129, 200);
    private static final int[] LENGTHS = sizes(0, 70, 100, 127, 128, 129, 255, 256, 257, 1000, 1023);

    /** {@code 0..upTo} (or {@code from..upTo}) then the listed sizes. */
    private static int[] sizes(int from, int upTo, int... more) {
        int[] s = new int[upTo - from + 1 + more.length];
        for (int i = 0; i <= upTo - from; i++) s[i] = from + i;
        System.arraycopy(more, 0, s, upTo - from + 1, more.length);
        return s;
    }

    /** One case: the operation on one kernel set, over that set's own copies of the inputs; may return a result. */
    interface Case {
        Object run(Kernels k, float[][] floats, int[][] ints);
    }

    /** Runs cases on the oracle and the other set and compares them; a recording one also notes the methods called. */
    static class Comparison {
        final Kernels oracle, other;

        Comparison(Kernels oracle, Kernels other) {
            this.oracle = oracle;
            this.other = other;
        }

        void assertSameBits(String what, float[][] floats, int[][] ints, Case op) {
            float[][] f1 = deepCopy(floats), f2 = deepCopy(floats);
            int[][] i1 = deepCopy(ints), i2 = deepCopy(ints);
            Object r1 = op.run(oracle, f1, i1), r2 = op.run(other, f2, i2);
            assertEquals(r1, r2, what + ": result");
            for (int a = 0; a < f1.length; a++) {
                for (int p = 0; p < f1[a].length; p++) {
                    if (Float.floatToIntBits(f1[a][p]) != Float.floatToIntBits(f2[a][p])) {
                        fail(what + ": array " + a + " element " + p + ": oracle " + f1[a][p] + " ("
                                + Integer.toHexString(Float.floatToRawIntBits(f1[a][p])) + "), " + other.name() + " "
                                + f2[a][p] + " (" + Integer.toHexString(Float.floatToRawIntBits(f2[a][p])) + ")");
                    }
                }
            }
            for (int a = 0; a < i1.length; a++) assertArrayEquals(i1[a], i2[a], what + ": int array " + a);
        }
    }

    private final Comparison compare = new Comparison(Kernels.SCALAR, PANAMA);

    @Test
    void theOtherSetIsTheVectorApiOne() {
        assertTrue(PANAMA.name().startsWith("panama("), PANAMA.name());
        assertNotEquals(Kernels.SCALAR.scoring().tileAlignment(), PANAMA.scoring().tileAlignment());
    }

    @Test
    void sparseProductsAreTheOraclesBitForBit() {
        sparseCases(compare, new Random(1), 6);
    }

    @Test
    void rowOperationsAreTheOraclesBitForBit() {
        rowCases(compare, new Random(2), 4);
    }

    @Test
    void adamIsTheOraclesBitForBit() {
        adamCases(compare, new Random(3), 4);
    }

    @Test
    void scoringIsTheOraclesBitForBit() {
        scoringCases(compare, new Random(4), 3);
    }

    @Test
    void everyOperationOfEveryConcernIsCompared() {
        Set<String> called = new TreeSet<>();
        Comparison recording = new Comparison(recorded(Kernels.SCALAR, called), PANAMA);
        Random r = new Random(5);
        sparseCases(recording, r, 1);
        rowCases(recording, r, 1);
        adamCases(recording, r, 1);
        scoringCases(recording, r, 1);
        Set<String> all = new TreeSet<>();
        for (Class<?> concern : new Class<?>[]{SparseKernels.class, RowKernels.class, AdamKernels.class,
                ScoringKernels.class}) {
            for (Method m : concern.getMethods()) all.add(concern.getSimpleName() + "." + m.getName());
        }
        assertEquals(all, called, "every operation of every kernel concern runs in this test");
    }

    // ------------------------------------------------------------------------------------------------ sparse

    private static void sparseCases(Comparison c, Random r, int graphsPerDim) {
        for (int dim : DIMS) {
            for (int g = 0; g < graphsPerDim; g++) {
                int n = 1 + r.nextInt(40);
                int[][] csr = randomCsr(n, r);
                int[] offsets = csr[0], columns = csr[1];
                float[] scale = new float[n];
                for (int v = 0; v < n; v++) {
                    int degree = offsets[v + 1] - offsets[v];
                    scale[v] = degree == 0 ? 0f : (float) (1 / Math.sqrt(degree));
                }
                int xBase = r.nextInt(20), yBase = r.nextInt(20);
                float[] x = values(xBase + n * dim + r.nextInt(5), r);
                int from = r.nextInt(n + 1), to = from + r.nextInt(n - from + 1);
                String at = "dim " + dim + ", " + n + " rows, rows [" + from + ", " + to + ")";
                float[] y = values(yBase + n * dim + 3, r);
                c.assertSameBits("spmmRows " + at, new float[][]{x, y}, new int[][]{offsets, columns},
                        (k, f, i) -> {
                            k.sparse().spmmRows(i[0], i[1], scale, f[0], xBase, dim, from, to, f[1], yBase);
                            return null;
                        });
                // rows [from, to) into a small buffer (negative base), as the training step's fused layer does
                float[] chunk = values((to - from) * dim + 2, r);
                c.assertSameBits("spmmRows into a buffer " + at, new float[][]{x, chunk}, new int[][]{offsets, columns},
                        (k, f, i) -> {
                            k.sparse().spmmRows(i[0], i[1], scale, f[0], xBase, dim, from, to, f[1], 1 - from * dim);
                            return null;
                        });
                int[] list = new int[r.nextInt(2 * n + 1)];
                for (int q = 0; q < list.length; q++) list[q] = r.nextInt(n); // repeats and any order
                int lFrom = r.nextInt(list.length + 1), lTo = lFrom + r.nextInt(list.length - lFrom + 1);
                float[] z = values(yBase + list.length * dim + 1, r);
                c.assertSameBits("spmmRowList dim " + dim + ", " + list.length + " listed", new float[][]{x, z},
                        new int[][]{offsets, columns, list}, (k, f, i) -> {
                            k.sparse().spmmRowList(i[0], i[1], scale, f[0], xBase, dim, i[2], lFrom, lTo, f[1], yBase);
                            return null;
                        });
                int row = r.nextInt(n), p0 = offsets[row], p1 = offsets[row + 1];
                int pFrom = p0 + r.nextInt(p1 - p0 + 1), pTo = pFrom + r.nextInt(p1 - pFrom + 1);
                int xOff = r.nextInt(x.length - dim + 1);
                c.assertSameBits("scatterRow dim " + dim + ", non-zeros [" + pFrom + ", " + pTo + ")",
                        new float[][]{x, y}, new int[][]{offsets, columns}, (k, f, i) -> {
                            k.sparse().scatterRow(i[1], scale, scale[row], pFrom, pTo, f[0], xOff, f[1], yBase, dim);
                            return null;
                        });
            }
        }
    }

    /** A random square CSR pattern {offsets, columns}: empty rows, repeated degrees, columns ascending per row. */
    private static int[][] randomCsr(int n, Random r) {
        int[] offsets = new int[n + 1];
        int[] columns = new int[n * n];
        int w = 0;
        double density = r.nextDouble() * 0.5;
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) if (col != row && r.nextDouble() < density) columns[w++] = col;
            offsets[row + 1] = w;
        }
        return new int[][]{offsets, Arrays.copyOf(columns, w)};
    }

    // -------------------------------------------------------------------------------------------------- rows

    private static void rowCases(Comparison c, Random r, int rounds) {
        for (int len : LENGTHS) {
            for (int round = 0; round < rounds; round++) {
                int xOff = r.nextInt(17), yOff = r.nextInt(17), zOff = r.nextInt(17);
                float[] x = values(xOff + 2 * len + 17, r), y = values(yOff + len + 3, r), z = values(zOff + len, r);
                float alpha = value(r);
                int bOff = xOff + r.nextInt(len + 17);
                String at = "len " + len + " at " + xOff + "/" + yOff;
                float[][] in = {x, y, z};
                c.assertSameBits("axpy " + at, in, new int[0][], (k, f, i) -> {
                    k.rows().axpy(alpha, f[0], xOff, f[1], yOff, len);
                    return null;
                });
                c.assertSameBits("addTo " + at, in, new int[0][], (k, f, i) -> {
                    k.rows().addTo(f[0], xOff, f[1], yOff, len);
                    return null;
                });
                c.assertSameBits("add " + at, in, new int[0][], (k, f, i) -> {
                    k.rows().add(f[0], xOff, f[2], zOff, f[1], yOff, len);
                    return null;
                });
                c.assertSameBits("scale " + at, in, new int[0][], (k, f, i) -> {
                    k.rows().scale(alpha, f[1], yOff, len);
                    return null;
                });
                c.assertSameBits("zero " + at, in, new int[0][], (k, f, i) -> {
                    k.rows().zero(f[1], yOff, len);
                    return null;
                });
                c.assertSameBits("addScaledDifference " + at, in, new int[0][], (k, f, i) -> {
                    k.rows().addScaledDifference(alpha, f[0], xOff, bOff, f[1], yOff, len);
                    return null;
                });
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- Adam

    private static void adamCases(Comparison c, Random r, int rounds) {
        for (int len : LENGTHS) {
            for (int round = 0; round < rounds; round++) {
                int from = r.nextInt(9), gOff = r.nextInt(9);
                float[] params = values(from + len + 5, r), m = values(from + len + 5, r), grad = values(gOff + len, r);
                float[] v = values(from + len + 5, r);
                for (int p = 0; p < v.length; p++) v[p] = Math.abs(v[p]); // a second moment is never negative
                float b1 = round == 0 ? 0.9f : r.nextFloat(), b2 = round == 0 ? 0.999f : r.nextFloat();
                long step = 1 + r.nextInt(1000);
                var coefficients = new AdamCoefficients(b1, b2, 1 - b1, 1 - b2, round == 1 ? 0f : 1e-8f,
                        (float) (1e-3 / (1 - Math.pow(b1, step))), (float) (1 / Math.sqrt(1 - Math.pow(b2, step))));
                c.assertSameBits("adam len " + len + " from " + from + " " + coefficients,
                        new float[][]{params, m, v, grad}, new int[0][], (k, f, i) -> {
                            k.adam().update(f[0], f[1], f[2], from, from + len, f[3], gOff, coefficients);
                            return null;
                        });
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- scoring

    private static void scoringCases(Comparison c, Random r, int rounds) {
        // a tile width both sets accept: a multiple of each one's alignment
        int a1 = c.oracle.scoring().tileAlignment(), a2 = c.other.scoring().tileAlignment();
        int align = a1 / java.math.BigInteger.valueOf(a1).gcd(java.math.BigInteger.valueOf(a2)).intValue() * a2;
        for (int dim : DIMS) {
            for (int round = 0; round < rounds; round++) {
                int width = align * (1 + r.nextInt(3)), uOff = r.nextInt(9), tOff = r.nextInt(9);
                float[] users = values(uOff + 4 * dim + 2, r), tile = values(tOff + dim * width + 3, r);
                float[] out = values(4 * width, r);
                c.assertSameBits("scoreTile4 dim " + dim + ", width " + width, new float[][]{users, tile, out},
                        new int[0][], (k, f, i) -> {
                            k.scoring().scoreTile4(f[0], uOff, dim, f[1], tOff, width, f[2]);
                            return null;
                        });
                int oOff = r.nextInt(5);
                float[] row = values(oOff + width + 2, r);
                int rows = width * (1 + r.nextInt(6)); // several 4L blocks and a 2L tail
                float[] wide = values(tOff + dim * rows + 3, r), wideOut = values(oOff + rows + 1, r);
                c.assertSameBits("scoreRow dim " + dim + ", width " + width, new float[][]{users, tile, row},
                        new int[0][], (k, f, i) -> {
                            k.scoring().scoreRow(f[0], uOff, dim, f[1], tOff, width, f[2], oOff);
                            return null;
                        });
                c.assertSameBits("scoreRow dim " + dim + ", width " + rows, new float[][]{users, wide, wideOut},
                        new int[0][], (k, f, i) -> {
                            k.scoring().scoreRow(f[0], uOff, dim, f[1], tOff, rows, f[2], oOff);
                            return null;
                        });
            }
        }
        for (int len : LENGTHS) {
            for (int round = 0; round < rounds; round++) {
                int off = r.nextInt(9);
                float[] scores = values(off + len + 4, r);
                for (int p = 0; p < scores.length; p += 1 + r.nextInt(8)) scores[p] = 0.25f; // ties with a threshold
                float threshold = switch (round % 3) {
                    case 0 -> 0.25f;
                    case 1 -> Float.NEGATIVE_INFINITY;
                    default -> value(r);
                };
                c.assertSameBits("selectAtLeast len " + len + " threshold " + threshold, new float[][]{scores},
                        new int[][]{new int[len + 1]}, (k, f, i) -> k.scoring().selectAtLeast(f[0], off, len,
                                threshold, i[0]));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- values

    /** Gaussians with, now and then, a signed zero, a tiny or huge value, an infinity or a NaN. */
    private static float[] values(int n, Random r) {
        float[] a = new float[n];
        for (int p = 0; p < n; p++) a[p] = value(r);
        return a;
    }

    private static float value(Random r) {
        return switch (r.nextInt(200)) {
            case 0 -> 0f;
            case 1 -> -0f;
            case 2 -> Float.MIN_VALUE * (1 + r.nextInt(1000));
            case 3 -> 1e30f;
            case 4 -> Float.POSITIVE_INFINITY;
            case 5 -> Float.NaN;
            default -> (float) r.nextGaussian();
        };
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /** {@code kernels} with every call to a concern's method recorded as {@code Concern.method}. */
    private static Kernels recorded(Kernels kernels, Set<String> called) {
        return new Kernels(kernels.name(), proxy(SparseKernels.class, kernels.sparse(), called),
                proxy(RowKernels.class, kernels.rows(), called), proxy(AdamKernels.class, kernels.adam(), called),
                proxy(ScoringKernels.class, kernels.scoring(), called));
    }

    private static <T> T proxy(Class<T> concern, T target, Set<String> called) {
        Function<Method, String> name = m -> concern.getSimpleName() + "." + m.getName();
        Object p = Proxy.newProxyInstance(concern.getClassLoader(), new Class<?>[]{concern}, (self, m, args) -> {
            if (m.getDeclaringClass() == Object.class) return m.invoke(target, args);
            called.add(name.apply(m));
            return m.invoke(target, args);
        });
        return concern.cast(p);
    }
}
