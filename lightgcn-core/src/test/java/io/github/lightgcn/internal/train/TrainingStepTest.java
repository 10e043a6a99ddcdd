package io.github.lightgcn.internal.train;

import io.github.lightgcn.Sampling;
import io.github.lightgcn.random.Rng;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.testing.Graphs;
import io.github.lightgcn.testing.ReferenceProducts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pruned, fused {@link TrainingStep} against the straightforward step written out here with scalar loops only
 * (full propagation with {@link ReferenceProducts#multiplyRows}, dense gradient, dense Adam): the same losses and
 * the same embeddings, bit for bit, over several steps, for any layer count, dimension, thread count, node order
 * and kernel set (this JVM's and the scalar one).
 */
class TrainingStepTest {

    /** The step as the library first wrote it: every layer full, gradient materialised, then Adam. */
    static final class ReferenceStep {
        final NormalizedAdjacency adj;
        final int layers, dim, numUsers;
        final float l2;
        final float[] m, v;
        long t;

        ReferenceStep(NormalizedAdjacency adj, int layers, int dim, float l2, int size) {
            this.adj = adj;
            this.layers = layers;
            this.dim = dim;
            this.numUsers = adj.numUsers();
            this.l2 = l2;
            this.m = new float[size];
            this.v = new float[size];
        }

        float[] propagate(float[] in) {
            int n = in.length;
            float[] out = in.clone(), cur = in;
            for (int k = 0; k < layers; k++) {
                float[] nxt = new float[n];
                ReferenceProducts.multiplyRows(adj, cur, nxt, dim, 0, adj.numNodes());
                for (int p = 0; p < n; p++) out[p] += nxt[p];
                cur = nxt;
            }
            float inv = 1f / (layers + 1);
            for (int p = 0; p < n; p++) out[p] *= inv;
            return out;
        }

        double[] step(float[] ego, Triples tr, int from, int to) {
            int batch = to - from;
            float[] fin = propagate(ego), fg = new float[ego.length];
            double bpr = 0, norms = 0;
            float invBatch = 1f / batch;
            for (int b = from; b < to; b++) {
                int u = tr.users()[b] * dim, i = (numUsers + tr.positives()[b]) * dim;
                int j = (numUsers + tr.negatives()[b]) * dim;
                float su = 0f, sj = 0f;
                for (int k = 0; k < dim; k++) sj += fin[u + k] * fin[j + k];
                for (int k = 0; k < dim; k++) su += fin[u + k] * fin[i + k];
                float x = sj - su;
                bpr += BprObjective.softplus(x);
                float g = BprObjective.sigmoid(x) * invBatch;
                for (int k = 0; k < dim; k++) {
                    float eu = fin[u + k];
                    fg[u + k] += g * (fin[j + k] - fin[i + k]);
                    fg[i + k] -= g * eu;
                    fg[j + k] += g * eu;
                }
                double a = 0, c = 0, d = 0;
                for (int k = 0; k < dim; k++) a += (double) ego[u + k] * ego[u + k];
                for (int k = 0; k < dim; k++) c += (double) ego[i + k] * ego[i + k];
                for (int k = 0; k < dim; k++) d += (double) ego[j + k] * ego[j + k];
                norms += a + c + d;
            }
            float[] grad = propagate(fg);
            float reg = l2 * invBatch;
            if (reg != 0f) {
                for (int b = from; b < to; b++) {
                    for (int row : new int[]{tr.users()[b], numUsers + tr.positives()[b], numUsers + tr.negatives()[b]}) {
                        for (int k = 0; k < dim; k++) grad[row * dim + k] += reg * ego[row * dim + k];
                    }
                }
            }
            t++;
            float b1 = 0.9f, b2 = 0.999f, eps = 1e-8f, lr = 0.01f;
            float stepSize = (float) (lr / (1 - Math.pow(b1, t)));
            float invSqrtBias2 = (float) (1 / Math.sqrt(1 - Math.pow(b2, t)));
            for (int p = 0; p < ego.length; p++) {
                float g = grad[p];
                float mp = b1 * m[p] + (1 - b1) * g;
                float vp = b2 * v[p] + (1 - b2) * g * g;
                m[p] = mp;
                v[p] = vp;
                ego[p] -= stepSize * mp / ((float) Math.sqrt(vp) * invSqrtBias2 + eps);
            }
            return new double[]{bpr / batch, l2 * 0.5 * norms / batch};
        }
    }

    @ParameterizedTest(name = "layers={0} dim={1} threads={2} l2={3}")
    @CsvSource({
            "3, 64, 1, 0.0001", "3, 64, 2, 0.0001", "3, 64, 3, 0.5",
            "3, 17, 2, 0.5", "3, 3, 2, 0.5", "3, 100, 2, 0.01",
            "0, 16, 2, 0.5", "1, 16, 2, 0.5", "2, 64, 2, 0.5", "4, 20, 3, 0.5", "2, 64, 1, 0.0"})
    void prunedFusedStepEqualsReferenceBitForBit(int layers, int dim, int threads, double l2) {
        // isolated users and items included (density 0.08 on 60 x 45); batches hold most non-zeros: dense route
        check(Graphs.random(60, 45, 0.08, 3 + layers + dim), layers, dim, threads, l2);
    }

    @ParameterizedTest(name = "layers={0} dim={1} threads={2} l2={3}")
    @CsvSource({"3, 64, 2, 0.0001", "3, 17, 3, 0.5", "2, 8, 2, 0.5", "1, 8, 1, 0.5", "4, 8, 2, 0.5"})
    void scatterRouteEqualsReferenceBitForBit(int layers, int dim, int threads, double l2) {
        // a larger, sparser graph: a batch's rows hold a small share of the non-zeros, so H1 is a scatter
        check(Graphs.random(500, 400, 0.015, 7 + layers), layers, dim, threads, l2);
    }

    @ParameterizedTest(name = "layers={0} threads={1}")
    @CsvSource({"3, 2", "2, 1", "1, 2"})
    void alternatingRoutesEqualReferenceBitForBit(int layers, int threads) {
        // batches of 6 and of 300 triples on one graph: steps switch between the row list + scatter and the whole
        // layers (whose layer K borrows the scatter's table), so each route must leave the tables as the other expects
        InteractionGraph g = Graphs.random(200, 150, 0.03, 11 + layers);
        java.util.Set<Boolean> routes = check(g, layers, 16, threads, 0.5, AlignedRows.BASE, NodeOrder.communities(g),
                VectorizationProvider.kernels(), step -> step % 2 == 0 ? 6 : 300, true);
        assertEquals(java.util.Set.of(true, false), routes, "both routes taken");
    }

    private static void check(InteractionGraph g, int layers, int dim, int threads, double l2) {
        NodeOrder identity = NodeOrder.identity(g.numUsers() + g.numItems());
        check(g, layers, dim, threads, l2, 0, identity);
        check(g, layers, dim, threads, l2, AlignedRows.BASE, identity);
        check(g, layers, dim, threads, l2, AlignedRows.BASE, ReferenceProducts.shuffledOrder(identity.size(), layers));
        check(g, layers, dim, threads, l2, AlignedRows.BASE, NodeOrder.communities(g)); // the layout LightGCN trains on
        check(g, layers, dim, threads, l2, AlignedRows.BASE, NodeOrder.communities(g), Kernels.SCALAR);
    }

    private static void check(InteractionGraph g, int layers, int dim, int threads, double l2, int base,
                              NodeOrder order) {
        check(g, layers, dim, threads, l2, base, order, VectorizationProvider.kernels());
    }

    /** Ours on the adjacency in {@code order} and on {@code kernels}, the reference in node-id order. */
    private static void check(InteractionGraph g, int layers, int dim, int threads, double l2, int base,
                              NodeOrder order, Kernels kernels) {
        java.util.Set<Boolean> routes = check(g, layers, dim, threads, l2, base, order, kernels, step -> -1, false);
        boolean sparse = g.numEdges() > 2000;
        if (layers >= 1) assertEquals(java.util.Set.of(sparse), routes, "expected the " + (sparse ? "scatter" : "dense") + " route");
    }

    /**
     * Three epochs of steps, each compared with the reference; batch sizes {@code 23 + 17·epoch}, or
     * {@code batchOfStep(step)} when that is positive. Returns the routes of the first batches (of all batches when
     * {@code everyStep}).
     */
    private static java.util.Set<Boolean> check(InteractionGraph g, int layers, int dim, int threads, double l2, int base,
                                                NodeOrder order, Kernels kernels,
                                                java.util.function.IntUnaryOperator batchOfStep, boolean everyStep) {
        NormalizedAdjacency adj = NormalizedAdjacency.of(g);
        int size = adj.numNodes() * dim;
        Random r = new Random(dim * 31L + layers);
        float[] ego = new float[size];
        for (int p = 0; p < size; p++) ego[p] = (float) (r.nextGaussian() * 0.3);
        float[] ours = new float[base + size];
        order.fromNodeOrder(ego, ours, base, dim);
        ReferenceStep reference = new ReferenceStep(adj, layers, dim, (float) l2, size);
        Adam adam = new Adam(base + size, 0.01f, kernels.adam());
        NegativeSampler sampler = new NegativeSampler(g, Sampling.EDGE_UNIFORM);
        java.util.Set<Boolean> routes = new java.util.HashSet<>();
        try (Workers w = new Workers(threads)) {
            TrainingStep step = new TrainingStep(NormalizedAdjacency.of(g, order), layers, dim, (float) l2, w, kernels);
            for (int epoch = 0; epoch < 3; epoch++) {
                Triples t = sampler.sampleEpoch(Rng.stream(9, 2, epoch));
                int epochBatch = 23 + epoch * 17; // uneven batches with repeated nodes
                for (int from = 0, steps = 0; from < t.size(); steps++) {
                    int batchSize = batchOfStep.applyAsInt(steps) > 0 ? batchOfStep.applyAsInt(steps) : epochBatch;
                    int to = Math.min(t.size(), from + batchSize);
                    double[] expected = reference.step(ego, t, from, to);
                    BprObjective.Loss loss = step.step(ours, base, adam, t, from, to);
                    if (from == 0 || everyStep) routes.add(step.lastFirstLayerWasScatter());
                    assertEquals(expected[0], loss.bpr(), 0.0, "bpr loss");
                    assertEquals(expected[1], loss.regularization(), 0.0, "l2 term");
                    assertArrayEquals(ego, order.toNodeOrder(ours, base, dim), 0f,
                            "ego embeddings after the step (row 0 at " + base + ", identity order " + order.isIdentity() + ")");
                    for (int p = 0; p < base; p++) assertEquals(0f, ours[p], "padding before row 0");
                    from = to;
                }
            }
        }
        assertFalse(Arrays.equals(ego, new float[size]));
        return routes;
    }
}
