package io.github.lightgcn.internal.sparse;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.testing.Graphs;
import io.github.lightgcn.testing.ReferenceProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The community order, orders from positions, and that propagating in them (the community order and a random
 * permutation) gives the node-id order's rows bit for bit. (The breadth-first order of the benchmarks is tested in
 * lightgcn-bench.)
 */
class NodeOrderTest {

    private static final Kernels KERNELS = VectorizationProvider.kernels();

    @Test
    void anOrderFromPositionsMustBeAPermutation() {
        NodeOrder order = NodeOrder.of(new int[]{2, 0, 1});
        assertEquals(2, order.position(0));
        assertEquals(2, order.node(1));
        assertFalse(order.isIdentity());
        assertTrue(NodeOrder.identity(7).isIdentity());
        var outside = assertThrows(IllegalArgumentException.class, () -> NodeOrder.of(new int[]{0, 3, 1}));
        assertTrue(outside.getMessage().contains("positions[1] must be in [0, 3), got 3"), outside.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> NodeOrder.of(new int[]{1, 0, 1}));
        assertTrue(twice.getMessage().contains("row 1 is given twice"), twice.getMessage());
        int[] positions = {1, 0};
        NodeOrder copy = NodeOrder.of(positions);
        positions[0] = 0;
        assertEquals(1, copy.position(0), "the positions are copied");
    }

    @Test
    void communitiesByHand() {
        // users 0..3, items 0..3 (nodes 4..7); two communities with interleaved ids and one bridge edge u2-i1:
        // {u0, u2, i0, i2} and {u1, u3, i1, i3}. Degrees: u2 and i1 3, the others 2; 9 edges, 2m = 18.
        InteractionGraph g = InteractionGraph.fromPairs(4, 4,
                new int[]{0, 0, 2, 2, 1, 1, 3, 3, 2}, new int[]{0, 2, 0, 2, 1, 3, 1, 3, 1});
        NodeOrder order = NodeOrder.communities(g);
        // Merges in ascending degree (gain 2·(w/2m − d_u·d_c/(2m)²), ties to the lower id): u0 -> i0 (tie with i2),
        // u1 -> i3 (gain .043 against i1's .037), u3 -> i1 (.037 against i3's .031), i0 -> i2, i2 -> u2 (2 edges),
        // i3 -> i1; u2 and i1 gain nothing from merging and top the two communities. Depth first from i1 (processed
        // last): i1, u3, i3, u1, then u2, i2, i0, u0. Users first: u3 u1 u2 u0, then items i1 i3 i2 i0.
        int[] expectedNodeAtRow = {3, 1, 2, 0, 5, 7, 6, 4};
        for (int row = 0; row < expectedNodeAtRow.length; row++) {
            assertEquals(expectedNodeAtRow[row], order.node(row), "node at row " + row);
        }
    }

    @Test
    @Timeout(20) // a chain of merges must not cost quadratic time: walking each community's members instead of its
    // aggregated edges took 17 s for 100,000 users on the development machine, so minutes here; this takes under 1 s
    void communitiesOfALongChain() {
        int users = 300_000; // u_k - i_k - u_{k+1} - i_{k+1} ...
        int[] u = new int[2 * users], i = new int[2 * users];
        for (int k = 0; k < users; k++) {
            u[2 * k] = k; i[2 * k] = k;
            u[2 * k + 1] = k; i[2 * k + 1] = k + 1;
        }
        InteractionGraph g = InteractionGraph.fromPairs(users, users + 1, u, i);
        assertIsPermutation(NodeOrder.communities(g));
    }

    @ParameterizedTest
    @ValueSource(strings = {"communities", "shuffled"})
    void isAPermutationAndTablesRoundTrip(String name) {
        InteractionGraph g = Graphs.random(200, 150, 0.02, 3); // sparse: several components, isolated nodes
        NodeOrder order = order(name, g);
        int n = order.size(), dim = 5;
        assertIsPermutation(order);
        if (name.equals("communities")) { // users first
            for (int v = 0; v < n; v++) assertEquals(v < 200, order.position(v) < 200, "node " + v);
        }
        float[] plain = random(n * dim, 1);
        float[] table = new float[AlignedRows.BASE + n * dim];
        order.fromNodeOrder(plain, table, AlignedRows.BASE, dim);
        assertArrayEquals(plain, order.toNodeOrder(table, AlignedRows.BASE, dim));
        int v = 17, at = AlignedRows.BASE + order.position(v) * dim;
        assertArrayEquals(Arrays.copyOfRange(plain, v * dim, v * dim + dim), Arrays.copyOfRange(table, at, at + dim));
        assertArrayEquals(Arrays.copyOfRange(plain, 200 * dim, n * dim),
                order.toNodeOrder(table, AlignedRows.BASE, dim, 200, n));
        assertThrows(IllegalArgumentException.class, () -> order.fromNodeOrder(new float[3], table, 0, dim));
    }

    @ParameterizedTest
    @CsvSource({"communities, 1", "communities, 17", "communities, 64", "shuffled, 1", "shuffled, 17",
            "shuffled, 64"})
    void propagationInEachOrderEqualsNodeIdOrderBitForBit(String name, int dim) {
        InteractionGraph g = Graphs.random(120, 90, 0.05, dim);
        NormalizedAdjacency plain = NormalizedAdjacency.of(g);
        NodeOrder order = order(name, g);
        NormalizedAdjacency renumbered = NormalizedAdjacency.of(g, order);
        assertSame(order, renumbered.order());
        int n = plain.numNodes();
        float[] x = random(n * dim, 2);
        float[] expected = new float[n * dim];
        ReferenceProducts.multiplyRows(plain, x, expected, dim, 0, n);

        float[] xr = new float[n * dim], yr = new float[n * dim];
        order.fromNodeOrder(x, xr, 0, dim);
        for (int threads = 1; threads <= 2; threads++) {
            try (Workers w = new Workers(threads)) {
                new AdjacencyProducts(renumbered, KERNELS.sparse(), w).multiply(xr, yr, dim);
            }
            assertArrayEquals(expected, order.toNodeOrder(yr, 0, dim), 0f, threads + " threads");
        }
        float[] meanPlain = new float[n * dim], meanRenumbered = new float[n * dim];
        try (Workers w = new Workers(2)) {
            new LayerMeanPropagation(plain, 3, dim, w, KERNELS).apply(x, meanPlain);
            new LayerMeanPropagation(renumbered, 3, dim, w, KERNELS).apply(xr, meanRenumbered);
        }
        assertArrayEquals(meanPlain, order.toNodeOrder(meanRenumbered, 0, dim), 0f, "layer mean");
    }

    @ParameterizedTest
    @CsvSource({"communities, 1", "communities, 3", "communities, 64", "shuffled, 1", "shuffled, 3",
            "shuffled, 64"})
    void scatterInEachOrderEqualsTheGather(String name, int dim) {
        InteractionGraph g = Graphs.random(60, 50, 0.08, 11 * dim);
        NodeOrder order = order(name, g);
        NormalizedAdjacency renumbered = NormalizedAdjacency.of(g, order);
        int n = renumbered.numNodes();
        int[] sourceNodes = {0, 4, 9, 33, 59, 60, 71, 100, n - 1}; // ascending node ids, users and items
        // sources listed by row (as TrainingStep lists them), with their node-id order given apart
        Integer[] byRow = new Integer[sourceNodes.length];
        for (int i = 0; i < byRow.length; i++) byRow[i] = i;
        Arrays.sort(byRow, (a, b) -> Integer.compare(order.position(sourceNodes[a]), order.position(sourceNodes[b])));
        int[] rows = new int[sourceNodes.length], sourceOrder = new int[sourceNodes.length];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = order.position(sourceNodes[byRow[s]]);
            sourceOrder[byRow[s]] = s;
        }
        assertFalse(Arrays.equals(sourceOrder, new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8}), "rows not in node-id order");
        float[] compact = random(rows.length * dim, 5);
        float[] dense = new float[n * dim]; // x in node-id order, zero off the sources
        for (int s = 0; s < rows.length; s++) {
            System.arraycopy(compact, s * dim, dense, sourceNodes[byRow[s]] * dim, dim);
        }
        float[] gather = new float[n * dim];
        ReferenceProducts.multiplyRows(NormalizedAdjacency.of(g), dense, gather, dim, 0, n);
        for (int threads = 1; threads <= 3; threads++) {
            float[] scatter = new float[AlignedRows.BASE + n * dim];
            try (Workers w = new Workers(threads)) {
                new AdjacencyProducts(renumbered, KERNELS.sparse(), w).scatterAddRows(rows, sourceOrder, rows.length, compact, dim,
                        scatter, AlignedRows.BASE);
            }
            assertArrayEquals(gather, order.toNodeOrder(scatter, AlignedRows.BASE, dim), 0f, threads + " threads");
        }
    }

    private static NodeOrder order(String name, InteractionGraph g) {
        int n = g.numUsers() + g.numItems();
        return name.equals("communities") ? NodeOrder.communities(g) : ReferenceProducts.shuffledOrder(n, n);
    }

    private static void assertIsPermutation(NodeOrder order) {
        boolean[] seen = new boolean[order.size()];
        for (int v = 0; v < order.size(); v++) {
            int row = order.position(v);
            assertFalse(seen[row], "row " + row + " used twice");
            seen[row] = true;
            assertEquals(v, order.node(row));
        }
    }

    private static float[] random(int size, long seed) {
        Random r = new Random(seed);
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
