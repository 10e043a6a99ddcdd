package io.github.lightgcn.bench;

import io.github.lightgcn.concurrent.Workers;
import io.github.lightgcn.eval.EmbeddingScorer;
import io.github.lightgcn.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.sparse.LayerMeanPropagation;
import io.github.lightgcn.sparse.NormalizedAdjacency;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.*;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Full-ranking evaluation of all 29,858 Gowalla test users over 40,981 items (top-20, training items masked),
 * as {@code LightGCNModel.evaluate} runs it, on propagated embeddings (N(0, 0.1²) ego rows through 3 layers).
 * In the same run, the machine's peak for the scoring kernel's instruction mix (a multiply and an add per
 * product, in registers only), in products per second, to report the evaluation as a fraction of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms2g", "-Xmx2g"})
public class EvaluationBenchmark {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Products per call of {@link #peakMulAdd} per thread. */
    public static final long PEAK_PRODUCTS = 1L << 33;

    @Param({"2", "1"})
    public int threads;

    Datasets.Split split;
    Workers workers;
    EmbeddingScorer scorer;

    @Setup
    public void setup() {
        split = Datasets.gowalla();
        workers = new Workers(threads);
        NormalizedAdjacency adj = NormalizedAdjacency.of(split.train());
        int dim = 64, users = split.train().numUsers();
        float[] ego = new float[adj.numNodes() * dim], fin = new float[ego.length];
        Random r = new Random(2020);
        for (int p = 0; p < ego.length; p++) ego[p] = (float) (r.nextGaussian() * 0.1);
        new LayerMeanPropagation(adj, 3, dim, workers).apply(ego, fin);
        scorer = new EmbeddingScorer(Arrays.copyOfRange(fin, 0, users * dim),
                Arrays.copyOfRange(fin, users * dim, fin.length), dim);
    }

    @TearDown
    public void tearDown() { workers.close(); }

    @Benchmark
    public Metrics evaluateAllTestUsers() {
        return new Evaluator(new int[]{20}, 256, workers).evaluate(scorer, split.train(), split.test());
    }

    /** {@link #PEAK_PRODUCTS} multiply-then-add products per thread, 12 independent accumulators in registers. */
    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public float peakMulAdd() {
        float[] sums = new float[threads];
        workers.run(threads, t -> sums[t] = mulAddLoop(PEAK_PRODUCTS / (12L * S.length()), t + 1));
        return sums[0] + (threads > 1 ? sums[1] : 0);
    }

    private static float mulAddLoop(long iterations, int seed) {
        // 12 independent chains c = c·a + b: a multiply then an add per product, nothing to hoist or share
        FloatVector a = FloatVector.broadcast(S, 0.999f), b = FloatVector.broadcast(S, 1e-3f * seed);
        FloatVector c0 = FloatVector.broadcast(S, 1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        FloatVector c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iterations; i++) {
            c0 = c0.mul(a).add(b); c1 = c1.mul(a).add(b); c2 = c2.mul(a).add(b); c3 = c3.mul(a).add(b);
            c4 = c4.mul(a).add(b); c5 = c5.mul(a).add(b); c6 = c6.mul(a).add(b); c7 = c7.mul(a).add(b);
            c8 = c8.mul(a).add(b); c9 = c9.mul(a).add(b); c10 = c10.mul(a).add(b); c11 = c11.mul(a).add(b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
