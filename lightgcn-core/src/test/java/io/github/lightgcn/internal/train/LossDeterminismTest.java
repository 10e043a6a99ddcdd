package io.github.lightgcn.internal.train;

import io.github.lightgcn.Loss;
import io.github.lightgcn.Sampling;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.random.Rng;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every loss's {@link TrainingStep} gives the same losses and embeddings bit for bit, over several steps, whatever
 * the thread count, the kernel set (this JVM's SIMD kernels or the scalar oracle), the node order and the route of
 * the first backward layer (dense graph: full gather; sparse graph: scatter).
 */
class LossDeterminismTest {

    @ParameterizedTest(name = "{0} dim={1} layers={2} sparse={3}")
    @CsvSource(delimiter = '|', value = {
            "sampled-softmax(negatives=7, temperature=0.1, score=cosine) | 19 | 3 | false",
            "sampled-softmax(negatives=7, temperature=0.1, score=cosine) | 16 | 2 | true",
            "sampled-softmax(negatives=3, temperature=0.5, score=dot)    | 64 | 1 | false",
            "direct-au(gamma=1.0)                                         | 19 | 3 | false",
            "direct-au(gamma=0.5)                                         | 16 | 2 | true",
            "direct-au(gamma=2.0)                                         | 64 | 0 | false",
            "implicit-squared(unobserved=1.0)                              | 19 | 3 | false",
            "implicit-squared(unobserved=5.0)                              | 16 | 2 | true",
            "implicit-squared(unobserved=0.5)                              | 64 | 0 | false",
            "implicit-squared(unobserved=0.5, popularity=0.5)              | 19 | 3 | false",
            "implicit-squared(unobserved=2.0, popularity=1.0)              | 16 | 2 | true"})
    void sameResultForAnyThreadCountKernelsAndNodeOrder(String spec, int dim, int layers, boolean sparse) {
        Loss loss = Loss.parse(spec);
        InteractionGraph g = sparse ? Graphs.random(500, 400, 0.015, 8) : Graphs.random(80, 60, 0.1, 4);
        NodeOrder identity = NodeOrder.identity(g.numUsers() + g.numItems());
        Run reference = run(g, loss, dim, layers, 1, Kernels.SCALAR, identity);
        for (int threads : new int[]{2, 3}) {
            for (Kernels kernels : new Kernels[]{Kernels.SCALAR, VectorizationProvider.kernels()}) {
                for (NodeOrder order : new NodeOrder[]{identity, NodeOrder.communities(g)}) {
                    Run other = run(g, loss, dim, layers, threads, kernels, order);
                    String where = threads + " threads, " + kernels + ", " + order;
                    assertArrayEquals(reference.losses, other.losses, 0, "losses with " + where);
                    assertArrayEquals(reference.ego, other.ego, 0f, "embeddings with " + where);
                }
            }
        }
        assertFalse(Arrays.equals(reference.ego, run(g, loss, dim, layers, 1, Kernels.SCALAR, identity, 2).ego),
                "the steps train: other data, other embeddings");
    }

    record Run(double[] losses, float[] ego) {}

    static Run run(InteractionGraph g, Loss loss, int dim, int layers, int threads, Kernels kernels,
                           NodeOrder order) {
        return run(g, loss, dim, layers, threads, kernels, order, 1);
    }

    /** Four steps of batches of 40 positives, negatives drawn as training draws them. */
    static Run run(InteractionGraph g, Loss loss, int dim, int layers, int threads, Kernels kernels,
                           NodeOrder order, long seed) {
        int n = g.numUsers() + g.numItems(), base = AlignedRows.BASE;
        Random r = new Random(3);
        float[] ego = new float[n * dim];
        for (int p = 0; p < ego.length; p++) ego[p] = (float) (r.nextGaussian() * 0.1);
        float[] table = AlignedRows.allocate(n, dim);
        order.fromNodeOrder(ego, table, base, dim);
        Adam adam = new Adam(table.length, 0.01f, kernels.adam());
        NegativeSampler sampler = new NegativeSampler(g, Sampling.USER_UNIFORM);
        Triples epoch = sampler.sampleEpoch(new Rng(seed), 0);
        double[] losses = new double[8];
        try (Workers w = new Workers(threads)) {
            TrainingStep step = new TrainingStep(NormalizedAdjacency.of(g, order), layers, dim, 0.01f, w, kernels, loss);
            int per = step.negativesPerPositive();
            for (int s = 0; s < 4; s++) {
                int from = s * 40, to = from + 40;
                Triples batch = new Triples(Arrays.copyOfRange(epoch.users(), from, to),
                        Arrays.copyOfRange(epoch.positives(), from, to),
                        sampler.sampleNegatives(epoch.users(), from, to, per, Rng.stream(seed, 3, s)));
                BprObjective.Loss l = step.step(table, base, adam, batch, 0, batch.size());
                losses[2 * s] = l.bpr();
                losses[2 * s + 1] = l.regularization();
            }
        }
        return new Run(losses, order.toNodeOrder(table, base, dim));
    }
}
