package io.github.lightgcn.bench;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The benchmarks' pattern-only layer and stored values against their scalar form and the library's (oracle) product. */
class PatternOnlyKernelsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16, 17, 64, 100, 128})
    void patternOnlyIsItsScalarFormBitForBitAndTheProductUpToRounding(int dim) {
        for (long seed = 1; seed <= 4; seed++) {
            InteractionGraph g = Graphs.random(40, 37, 0.07, seed * dim); // sparse: isolated nodes
            NormalizedAdjacency adj = NormalizedAdjacency.of(g);
            int n = adj.numNodes();
            Random r = new Random(seed);
            float[] x = new float[n * dim];
            for (int p = 0; p < x.length; p++) x[p] = (float) r.nextGaussian();
            float[] product = new float[n * dim];
            Kernels.SCALAR.sparse().spmmRows(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(), x, 0, dim, 0, n,
                    product, 0);
            // on the pre-scaled table D^-1/2 x, at offsets (12: cache-line aligned rows; 5: arbitrary)
            float[] scale = adj.invSqrtDegree(), prescaled = new float[12 + n * dim];
            for (int i = 0; i < n * dim; i++) prescaled[12 + i] = scale[i / dim] * x[i];
            float[] a = new float[5 + n * dim], b = new float[5 + n * dim];
            PatternOnlyKernels.spmmPatternRowsScalar(adj.rowOffsets(), adj.columns(), scale, prescaled, 12, dim, 0, n,
                    a, 5);
            PatternOnlyKernels.spmmPatternRows(adj.rowOffsets(), adj.columns(), scale, prescaled, 12, dim, 0, n, b, 5);
            assertArrayEquals(a, b, 0f);
            for (int i = 0; i < n * dim; i++) assertEquals(product[i], a[5 + i], 1e-5f * (1 + Math.abs(product[i])));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void storedValuesAreTheProductsOfTheDegreeScales(long seed) {
        NormalizedAdjacency adj = NormalizedAdjacency.of(Graphs.random(30, 20, 0.2, seed));
        float[] values = PatternOnlyKernels.storedValues(adj);
        int[] offsets = adj.rowOffsets(), columns = adj.columns();
        assertEquals(adj.nonZeros(), values.length);
        for (int row = 0; row < adj.numNodes(); row++) {
            int degree = offsets[row + 1] - offsets[row];
            for (int p = offsets[row]; p < offsets[row + 1]; p++) {
                int other = offsets[columns[p] + 1] - offsets[columns[p]];
                assertEquals(1 / Math.sqrt((double) degree * other), values[p], 1e-6);
            }
        }
    }
}
