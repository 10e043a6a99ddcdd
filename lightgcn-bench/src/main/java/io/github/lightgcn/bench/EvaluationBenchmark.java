package io.github.lightgcn.bench;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.internal.sparse.LayerMeanPropagation;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.*;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Full-ranking evaluation of all 29,858 Gowalla test users over 40,981 items (top-20, training items masked),
 * as {@code LightGCNModel.evaluate} runs it, on propagated embeddings (N(0, 0.1²) ego rows through 3 layers), and
 * in the same run the top 20 of every user through the public batch API ({@code recommendForAllUsers}: the same
 * blocked ranking, plus the result objects handed to a consumer), whose time should stay within 1.25× the
 * evaluation's.
 * In the same run, the machine's peak for the scoring kernel's instruction mix (a multiply and an add per
 * product, in registers only) and its FMA peak (one fused multiply-add per product), in products per second, to
 * report the evaluation as a fraction of each. The scoring kernel does not fuse: its dot products must round
 * like the scalar oracle's, a multiply then an add.
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
    LightGCNModel model;
    RecommendOptions top20;

    @Setup
    public void setup() {
        split = Datasets.gowalla();
        workers = new Workers(threads);
        NormalizedAdjacency adj = NormalizedAdjacency.of(split.train());
        int dim = 64, users = split.train().numUsers();
        float[] ego = new float[adj.numNodes() * dim], fin = new float[ego.length];
        Random r = new Random(2020);
        for (int p = 0; p < ego.length; p++) ego[p] = (float) (r.nextGaussian() * 0.1);
        Kernels kernels = VectorizationProvider.kernels();
        new LayerMeanPropagation(adj, 3, dim, workers, kernels).apply(ego, fin);
        scorer = new EmbeddingScorer(Arrays.copyOfRange(fin, 0, users * dim),
                Arrays.copyOfRange(fin, users * dim, fin.length), dim, kernels.scoring());
        model = LightGCNModel.of(Arrays.copyOfRange(fin, 0, users * dim),
                Arrays.copyOfRange(fin, users * dim, fin.length), dim, split.train(), Map.of());
        top20 = RecommendOptions.builder().k(20).threads(threads).build();
    }

    @TearDown
    public void tearDown() { workers.close(); }

    @Benchmark
    public Metrics evaluateAllTestUsers() {
        return new Evaluator(new int[]{20}, 256, workers).evaluate(scorer, split.train(), split.test());
    }

    /** The top 20 of all 29,858 users (training items excluded), each list handed to a consumer as objects. */
    @Benchmark
    public long recommendTop20ForAllUsers() {
        long[] checksum = new long[1];
        model.recommendForAllUsers(top20, r -> checksum[0] += r.items().getLast().item() + r.items().size());
        return checksum[0];
    }

    /** {@link #PEAK_PRODUCTS} multiply-then-add products per thread, 12 independent accumulators in registers. */
    @Benchmark
    @Warmup(iterations = 4) // the first two calls run partly interpreted (4-7 s against 0.15 s compiled)
    @Measurement(iterations = 5)
    public float peakMulAdd() { return peak(false); }

    /** {@link #PEAK_PRODUCTS} fused multiply-adds per thread, 12 independent accumulators in registers. */
    @Benchmark
    @Warmup(iterations = 4) // the first two calls run partly interpreted (4-7 s against 0.15 s compiled)
    @Measurement(iterations = 5)
    public float peakFma() { return peak(true); }

    private float peak(boolean fused) {
        float[] sums = new float[threads];
        workers.run(threads, t -> sums[t] = productLoop(PEAK_PRODUCTS / (12L * S.length()), t + 1, fused));
        return sums[0] + (threads > 1 ? sums[1] : 0);
    }

    private static float productLoop(long iterations, int seed, boolean fused) {
        // 12 independent chains c = c·a + b, nothing to hoist or share; fused is loop-invariant (C2 unswitches it)
        FloatVector a = FloatVector.broadcast(S, 0.999f), b = FloatVector.broadcast(S, 1e-3f * seed);
        FloatVector c0 = FloatVector.broadcast(S, 1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        FloatVector c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iterations; i++) {
            c0 = product(c0, a, b, fused); c1 = product(c1, a, b, fused); c2 = product(c2, a, b, fused);
            c3 = product(c3, a, b, fused); c4 = product(c4, a, b, fused); c5 = product(c5, a, b, fused);
            c6 = product(c6, a, b, fused); c7 = product(c7, a, b, fused); c8 = product(c8, a, b, fused);
            c9 = product(c9, a, b, fused); c10 = product(c10, a, b, fused); c11 = product(c11, a, b, fused);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    private static FloatVector product(FloatVector c, FloatVector a, FloatVector b, boolean fused) {
        return fused ? c.fma(a, b) : c.mul(a).add(b);
    }
}
