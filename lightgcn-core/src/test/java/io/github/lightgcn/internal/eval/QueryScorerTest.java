package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorOps;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every score of the tiled single-query path is the sequential dot product, bit for bit, on both kernel sets. */
class QueryScorerTest {

    @Test
    void scoresAreTheSequentialDotProductsOnEveryKernelSet() {
        Random r = new Random(3);
        for (int[] shape : new int[][] {{1, 1}, {7, 3}, {33, 16}, {1000, 64}, {517, 65}}) {
            int numItems = shape[0], dim = shape[1];
            float[] items = new float[numItems * dim], query = new float[dim + 5];
            for (int p = 0; p < items.length; p++) items[p] = (float) r.nextGaussian();
            for (int p = 0; p < query.length; p++) query[p] = (float) r.nextGaussian();
            for (Kernels k : new Kernels[] {Kernels.SCALAR, VectorizationProvider.kernels()}) {
                float[] scores = new QueryScorer(items, numItems, dim, k.scoring()).scores(query, 5);
                for (int j = 0; j < numItems; j++) {
                    float expected = VectorOps.dot(query, 5, items, j * dim, dim);
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(scores[j]),
                            k.name() + " item " + j + " of " + numItems + " x " + dim);
                }
            }
        }
    }
}
