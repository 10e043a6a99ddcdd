package io.github.lightgcn.internal.sparse;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.testing.Graphs;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The propagation kernel against EJML dense algebra: Â = D^-1/2 A D^-1/2 built independently in double. */
class PropagationTest {

    private static final Kernels KERNELS = VectorizationProvider.kernels();

    /** Dense Â from the edge list, in double, with EJML. */
    static DMatrixRMaj denseNormalized(InteractionGraph g) {
        int u = g.numUsers(), n = u + g.numItems();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int user = 0; user < u; user++) {
            for (int item : g.itemsOf(user)) {
                a.set(user, u + item, 1);
                a.set(u + item, user, 1);
            }
        }
        DMatrixRMaj degree = CommonOps_DDRM.sumRows(a, null);
        DMatrixRMaj dInvSqrt = new DMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            double d = degree.get(r, 0);
            dInvSqrt.set(r, r, d == 0 ? 0 : 1 / Math.sqrt(d));
        }
        DMatrixRMaj tmp = new DMatrixRMaj(n, n), result = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(dInvSqrt, a, tmp);
        CommonOps_DDRM.mult(tmp, dInvSqrt, result);
        return result;
    }

    static float[] randomTable(int rows, int dim, long seed) {
        Random r = new Random(seed);
        float[] x = new float[rows * dim];
        for (int p = 0; p < x.length; p++) x[p] = (float) r.nextGaussian();
        return x;
    }

    static DMatrixRMaj toMatrix(float[] x, int rows, int dim) {
        DMatrixRMaj m = new DMatrixRMaj(rows, dim);
        for (int p = 0; p < x.length; p++) m.data[p] = x[p];
        return m;
    }

    static void assertClose(DMatrixRMaj expected, float[] actual, double tol) {
        assertEquals(expected.getNumElements(), actual.length);
        for (int p = 0; p < actual.length; p++) {
            assertFalse(Float.isNaN(actual[p]), "NaN at " + p);
            assertEquals(expected.data[p], actual[p], tol * (1 + Math.abs(expected.data[p])), "element " + p);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void oneLayerMatchesDenseAlgebra(int threads) {
        for (long seed = 1; seed <= 5; seed++) {
            // sparse random graphs: several users and items end up isolated
            InteractionGraph g = Graphs.random(17, 23, 0.12, seed);
            int dim = 8, n = g.numUsers() + g.numItems();
            NormalizedAdjacency adj = NormalizedAdjacency.of(g);
            assertEquals(2 * g.numEdges(), adj.nonZeros());
            float[] x = randomTable(n, dim, seed + 100);
            float[] y = new float[n * dim];
            try (Workers w = new Workers(threads)) {
                new AdjacencyProducts(adj, KERNELS.sparse(), w).multiply(x, y, dim);
            }
            DMatrixRMaj expected = new DMatrixRMaj(n, dim);
            CommonOps_DDRM.mult(denseNormalized(g), toMatrix(x, n, dim), expected);
            assertClose(expected, y, 1e-5);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void layerMeanMatchesDenseSumOfPowers(int layers) {
        InteractionGraph g = Graphs.random(11, 13, 0.2, 42);
        int dim = 5, n = g.numUsers() + g.numItems();
        float[] x = randomTable(n, dim, 7);
        float[] out = new float[n * dim];
        try (Workers w = new Workers(2)) {
            new LayerMeanPropagation(NormalizedAdjacency.of(g), layers, dim, w, KERNELS).apply(x, out);
        }
        DMatrixRMaj a = denseNormalized(g);
        DMatrixRMaj power = toMatrix(x, n, dim), sum = power.copy(), next = new DMatrixRMaj(n, dim);
        for (int k = 0; k < layers; k++) {
            CommonOps_DDRM.mult(a, power, next);
            CommonOps_DDRM.addEquals(sum, next);
            power.setTo(next);
        }
        CommonOps_DDRM.scale(1.0 / (layers + 1), sum);
        assertClose(sum, out, 1e-5);
    }

    @Test
    void layerMeanReadsAnInputTableAtAnyRowOffset() {
        // LightGCN keeps its ego table with rows on cache lines (row 0 at AlignedRows.BASE): same result bit for bit
        InteractionGraph g = Graphs.random(30, 20, 0.15, 5);
        int dim = 16, n = g.numUsers() + g.numItems();
        float[] x = randomTable(n, dim, 3);
        float[] plain = new float[n * dim], fromAligned = new float[n * dim];
        try (Workers w = new Workers(2)) {
            var propagation = new LayerMeanPropagation(NormalizedAdjacency.of(g), 3, dim, w, KERNELS);
            propagation.apply(x, plain);
            propagation.apply(AlignedRows.aligned(x), AlignedRows.BASE, fromAligned);
        }
        assertArrayEquals(plain, fromAligned, 0f);
        assertFalse(java.util.Arrays.equals(plain, new float[n * dim]));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void isolatedNodesPropagateToZero(int threads) {
        // user 2 and item 3 have no edge
        InteractionGraph g = InteractionGraph.fromPairs(3, 4, new int[]{0, 0, 1}, new int[]{0, 1, 2});
        int dim = 4, n = 7;
        float[] x = randomTable(n, dim, 3), y = new float[n * dim];
        try (Workers w = new Workers(threads)) {
            new AdjacencyProducts(NormalizedAdjacency.of(g), KERNELS.sparse(), w).multiply(x, y, dim);
        }
        for (int k = 0; k < dim; k++) {
            assertEquals(0f, y[2 * dim + k]);
            assertEquals(0f, y[(3 + 3) * dim + k]);
        }
        for (float v : y) assertFalse(Float.isNaN(v));
    }
}
