package io.github.lightgcn.bench;

import io.github.lightgcn.Sampling;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.internal.sparse.LayerMeanPropagation;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.internal.train.Adam;
import io.github.lightgcn.internal.train.NegativeSampler;
import io.github.lightgcn.internal.train.TrainingStep;
import io.github.lightgcn.internal.train.Triples;
import io.github.lightgcn.random.Rng;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The benchmarks' breadth-first order, by hand, and that propagating and training in it gives node-id order's numbers. */
class BreadthFirstOrderTest {

    private static final Kernels KERNELS = VectorizationProvider.kernels();

    @Test
    void breadthFirstFromTheHighestDegreeNodeByHand() {
        // users 0..2, items 0..2 (nodes 3..5), plus an isolated user 3:
        // u0-i0, u0-i1, u1-i1, u1-i2, u2-i1. Degrees: u0 2, u1 2, u2 1, u3 0, i0 1, i1 3, i2 1.
        InteractionGraph g = InteractionGraph.fromPairs(4, 3, new int[]{0, 0, 1, 1, 2}, new int[]{0, 1, 1, 2, 1});
        NodeOrder order = BreadthFirstOrder.of(g);
        // start at i1 (node 5); its users in id order u0, u1, u2; then u0's new item i0 (node 4), u1's new i2 (node 6);
        // the isolated u3 last
        int[] expectedNodeAtRow = {5, 0, 1, 2, 4, 6, 3};
        for (int row = 0; row < expectedNodeAtRow.length; row++) {
            assertEquals(expectedNodeAtRow[row], order.node(row), "node at row " + row);
            assertEquals(row, order.position(expectedNodeAtRow[row]));
        }
        assertFalse(order.isIdentity());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 64})
    void propagationInBreadthFirstOrderEqualsNodeIdOrderBitForBit(int dim) {
        InteractionGraph g = Graphs.random(120, 90, 0.05, dim); // several components, isolated nodes
        NodeOrder order = BreadthFirstOrder.of(g);
        int n = g.numUsers() + g.numItems();
        float[] x = random(n * dim, 2), xr = new float[n * dim];
        order.fromNodeOrder(x, xr, 0, dim);
        float[] plain = new float[n * dim], renumbered = new float[n * dim];
        try (Workers w = new Workers(2)) {
            new LayerMeanPropagation(NormalizedAdjacency.of(g), 3, dim, w, KERNELS).apply(x, plain);
            new LayerMeanPropagation(NormalizedAdjacency.of(g, order), 3, dim, w, KERNELS).apply(xr, renumbered);
        }
        assertArrayEquals(plain, order.toNodeOrder(renumbered, 0, dim), 0f);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true}) // a small dense graph (the dense first backward layer), a sparse one (scatter)
    void trainingInBreadthFirstOrderEqualsNodeIdOrderBitForBit(boolean sparse) {
        InteractionGraph g = sparse ? Graphs.random(500, 400, 0.015, 7) : Graphs.random(60, 45, 0.08, 3);
        int dim = 16, n = g.numUsers() + g.numItems(), base = AlignedRows.BASE;
        NodeOrder bfs = BreadthFirstOrder.of(g), identity = NodeOrder.identity(n);
        float[] ego = random(n * dim, 4);
        float[] a = new float[base + n * dim], b = new float[base + n * dim];
        identity.fromNodeOrder(ego, a, base, dim);
        bfs.fromNodeOrder(ego, b, base, dim);
        Adam adamA = new Adam(a.length, 0.01f, KERNELS.adam()), adamB = new Adam(b.length, 0.01f, KERNELS.adam());
        NegativeSampler sampler = new NegativeSampler(g, Sampling.EDGE_UNIFORM);
        try (Workers w = new Workers(2)) {
            TrainingStep stepA = new TrainingStep(NormalizedAdjacency.of(g, identity), 3, dim, 0.5f, w, KERNELS);
            TrainingStep stepB = new TrainingStep(NormalizedAdjacency.of(g, bfs), 3, dim, 0.5f, w, KERNELS);
            for (int epoch = 0; epoch < 2; epoch++) {
                Triples t = sampler.sampleEpoch(Rng.stream(9, 2, epoch));
                for (int from = 0; from < t.size(); from += 37) {
                    int to = Math.min(t.size(), from + 37);
                    assertEquals(stepA.step(a, base, adamA, t, from, to), stepB.step(b, base, adamB, t, from, to));
                    assertArrayEquals(identity.toNodeOrder(a, base, dim), bfs.toNodeOrder(b, base, dim), 0f);
                }
            }
        }
    }

    private static float[] random(int size, long seed) {
        Random r = new Random(seed);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = (float) (r.nextGaussian() * 0.3);
        return x;
    }
}
