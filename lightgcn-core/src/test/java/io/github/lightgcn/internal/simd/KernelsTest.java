package io.github.lightgcn.internal.simd;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.sparse.AdjacencyProducts;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.testing.Graphs;
import io.github.lightgcn.testing.ReferenceProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Vector API kernels against their scalar twins and the products' definition, case by case. They do the same
 * float operations in the same order, so the bound is zero: bit-identical results (compared with a delta of 0, which
 * also accepts +0 for -0; {@link KernelOracleTest} compares every bit over many sizes). Odd dimensions exercise the
 * masked tails; the random graphs have isolated users and items.
 */
class KernelsTest {

    private static final Kernels SIMD = PanamaKernels.create();
    private static final Kernels SCALAR = Kernels.SCALAR;

    static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int p = 0; p < n; p++) x[p] = (float) r.nextGaussian();
        return x;
    }

    @Test
    void theTestJvmRunsTheVectorKernels() {
        assertTrue(VectorizationProvider.simd(), "surefire starts the JVM with --add-modules jdk.incubator.vector");
        assertTrue(VectorizationProvider.kernels().name().startsWith("panama"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16, 17, 64, 100, 128})
    void propagationMatchesTheScalarKernelsAndTheDefinition(int dim) {
        for (long seed = 1; seed <= 4; seed++) {
            InteractionGraph g = Graphs.random(40, 37, 0.07, seed * dim); // sparse: isolated nodes
            NormalizedAdjacency adj = NormalizedAdjacency.of(g);
            int n = adj.numNodes();
            float[] x = random(n * dim, seed);
            float[] oracle = new float[n * dim], scalar = new float[n * dim], simd = new float[n * dim];
            ReferenceProducts.multiplyRows(adj, x, oracle, dim, 0, n);
            SCALAR.sparse().spmmRows(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(), x, 0, dim, 0, n, scalar, 0);
            SIMD.sparse().spmmRows(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(), x, 0, dim, 0, n, simd, 0);
            assertArrayEquals(oracle, scalar, 0f);
            assertArrayEquals(oracle, simd, 0f);
            for (int threads = 1; threads <= 3; threads++) {
                float[] y = new float[n * dim];
                try (Workers w = new Workers(threads)) {
                    new AdjacencyProducts(adj, SIMD.sparse(), w).multiply(x, y, dim);
                }
                assertArrayEquals(oracle, y, 0f, "multiply with " + threads + " threads");
            }

            // a row list, written compactly after a 2-row offset
            int[] rows = {n - 1, 0, 5, 7, 3};
            float[] a = new float[(rows.length + 2) * dim], b = new float[(rows.length + 2) * dim];
            SCALAR.sparse().spmmRowList(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(), x, 0, dim, rows, 1, rows.length, a, 2 * dim);
            SIMD.sparse().spmmRowList(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(), x, 0, dim, rows, 1, rows.length, b, 2 * dim);
            assertArrayEquals(a, b, 0f);
            for (int i = 1; i < rows.length; i++) {
                for (int k = 0; k < dim; k++) assertEquals(oracle[rows[i] * dim + k], a[(i - 1 + 2) * dim + k], 0f);
            }

            // tables at offsets (12: cache-line aligned rows; 5: arbitrary), written into a small buffer (negative base)
            float[] shifted = new float[12 + n * dim];
            System.arraycopy(x, 0, shifted, 12, n * dim);
            float[] c1 = new float[5 + n * dim], c2 = new float[5 + n * dim];
            SCALAR.sparse().spmmRows(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(), shifted, 12, dim, 0, n, c1, 5);
            SIMD.sparse().spmmRows(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(), shifted, 12, dim, 0, n, c2, 5);
            assertArrayEquals(c1, c2, 0f);
            assertArrayEquals(oracle, java.util.Arrays.copyOfRange(c2, 5, 5 + n * dim), 0f);
            float[] chunk = new float[3 * dim];
            SIMD.sparse().spmmRows(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(), shifted, 12, dim, 4, 7, chunk,
                    -4 * dim);
            assertArrayEquals(java.util.Arrays.copyOfRange(oracle, 4 * dim, 7 * dim), chunk, 0f);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 17, 64, 100})
    void scatterEqualsGatherOverTheSameRows(int dim) {
        InteractionGraph g = Graphs.random(30, 25, 0.1, dim);
        NormalizedAdjacency adj = NormalizedAdjacency.of(g);
        int n = adj.numNodes();
        int[] rows = {0, 2, 3, 31, 33, 40, n - 1}; // ascending sources, users and items
        float[] compact = random(rows.length * dim, 5);
        float[] dense = new float[n * dim];
        for (int i = 0; i < rows.length; i++) System.arraycopy(compact, i * dim, dense, rows[i] * dim, dim);
        float[] gather = new float[n * dim];
        ReferenceProducts.multiplyRows(adj, dense, gather, dim, 0, n);
        for (int threads = 1; threads <= 3; threads++) {
            float[] scatter = new float[n * dim];
            try (Workers w = new Workers(threads)) {
                new AdjacencyProducts(adj, SIMD.sparse(), w).scatterAddRows(rows, new int[]{0, 1, 2, 3, 4, 5, 6},
                        rows.length, compact, dim, scatter, 0);
            }
            assertArrayEquals(gather, scatter, 0f);
        }
        // the kernels themselves on one row
        float[] a = random(n * dim, 1), b = a.clone();
        int r = rows[2], p0 = adj.rowOffsets()[r], p1 = adj.rowOffsets()[r + 1];
        float rs = adj.invSqrtDegree()[r];
        SCALAR.sparse().scatterRow(adj.columns(), adj.invSqrtDegree(), rs, p0, p1, compact, 2 * dim, a, 0, dim);
        SIMD.sparse().scatterRow(adj.columns(), adj.invSqrtDegree(), rs, p0, p1, compact, 2 * dim, b, 0, dim);
        assertArrayEquals(a, b, 0f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 15, 16, 17, 64, 100, 1000})
    void rowOperationsAndAdamMatch(int len) {
        float[] x = random(len + 5, 1), z = random(len + 5, 2);
        float[][] ys = {random(len + 7, 3), random(len + 7, 3)};
        float[][] outs = new float[2][len + 6];
        RowKernels[] ks = {SCALAR.rows(), SIMD.rows()};
        for (int i = 0; i < 2; i++) {
            ks[i].axpy(0.37f, x, 2, ys[i], 3, len);
            ks[i].addTo(z, 1, ys[i], 4, len);
            ks[i].scale(-1.7f, ys[i], 1, len);
            ks[i].add(x, 3, ys[i], 2, outs[i], 5, len);
        }
        assertArrayEquals(ys[0], ys[1], 0f);
        assertArrayEquals(outs[0], outs[1], 0f);
        for (int i = 0; i < 2; i++) ks[i].zero(ys[i], 2, len);
        assertArrayEquals(ys[0], ys[1], 0f);
        assertEquals(0f, ys[1][2 + len - 1]);

        float[][] f = {random(3 * len, 4), random(3 * len, 4)};
        float[][] g = {random(3 * len + 2, 5), random(3 * len + 2, 5)};
        for (int i = 0; i < 2; i++) ks[i].addScaledDifference(0.013f, f[i], 2 * len, len, g[i], 2, len);
        assertArrayEquals(g[0], g[1], 0f);
        float[] expected = random(3 * len + 2, 5); // by hand: y += alpha · (x[a] − x[b])
        for (int k = 0; k < len; k++) expected[2 + k] += 0.013f * (f[0][2 * len + k] - f[0][len + k]);
        assertArrayEquals(expected, g[0], 0f);

        float[][] p = {random(len + 3, 6), random(len + 3, 6)};
        float[][] m = {random(len + 3, 7), random(len + 3, 7)};
        float[][] v = new float[2][];
        for (int i = 0; i < 2; i++) {
            v[i] = random(len + 3, 8);
            for (int q = 0; q < v[i].length; q++) v[i][q] = Math.abs(v[i][q]);
        }
        float[] grad = random(len + 9, 9);
        for (int step = 0; step < 3; step++) {
            for (int i = 0; i < 2; i++) {
                AdamKernels adam = i == 0 ? SCALAR.adam() : SIMD.adam();
                adam.update(p[i], m[i], v[i], 1, 1 + len, grad, 4,
                        new AdamCoefficients(0.9f, 0.999f, 1 - 0.9f, 1 - 0.999f, 1e-8f, 1e-3f / (step + 1), 1.3f));
            }
        }
        assertArrayEquals(p[0], p[1], 0f);
        assertArrayEquals(m[0], m[1], 0f);
        assertArrayEquals(v[0], v[1], 0f);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 17, 64, 100})
    void scoreTileIsTheSequentialDotOfEachPair(int dim) {
        int width = 2 * SIMD.scoring().tileAlignment(), items = width;
        float[] users = random(5 * dim, 1), rows = random(items * dim, 2);
        float[] tile = new float[3 + dim * width];
        for (int j = 0; j < items; j++) for (int k = 0; k < dim; k++) tile[3 + k * width + j] = rows[j * dim + k];
        float[] a = new float[4 * width], b = new float[4 * width];
        SCALAR.scoring().scoreTile4(users, dim, dim, tile, 3, width, a);
        SIMD.scoring().scoreTile4(users, dim, dim, tile, 3, width, b);
        assertArrayEquals(a, b, 0f);
        for (int r = 0; r < 4; r++) {
            for (int j = 0; j < items; j++) {
                assertEquals(VectorOps.dot(users, (1 + r) * dim, rows, j * dim, dim), b[r * width + j], 0f);
            }
        }
    }

    @Test
    void selectAtLeastFindsThePositionsInOrderAndSkipsNaN() {
        float[] s = random(203, 3);
        s[17] = Float.NaN;
        s[40] = Float.POSITIVE_INFINITY;
        for (float threshold : new float[]{Float.NEGATIVE_INFINITY, -0.5f, 0f, 1.2f, 3f}) {
            int[] a = new int[203], b = new int[203];
            int na = SCALAR.scoring().selectAtLeast(s, 2, 199, threshold, a);
            int nb = SIMD.scoring().selectAtLeast(s, 2, 199, threshold, b);
            assertEquals(na, nb);
            for (int q = 0; q < na; q++) assertEquals(a[q], b[q]);
            for (int q = 0; q < na; q++) assertTrue(s[2 + a[q]] >= threshold);
        }
    }
}
