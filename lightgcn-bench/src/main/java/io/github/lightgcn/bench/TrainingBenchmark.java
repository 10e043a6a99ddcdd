package io.github.lightgcn.bench;

import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.internal.train.Adam;
import io.github.lightgcn.internal.train.NegativeSampler;
import io.github.lightgcn.random.Rng;
import io.github.lightgcn.Sampling;
import io.github.lightgcn.internal.train.TrainingStep;
import io.github.lightgcn.internal.train.Triples;
import org.openjdk.jmh.annotations.*;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One training epoch as {@code LightGCN.fit} runs it (sampling of |train| edge-uniform triples, then every batch's
 * loss, gradient and Adam step): K 3, d 64, batch 2048, lr 1e-3, L2 1e-4, the paper's settings, same as the
 * PyTorch reference's {@code --sampling interaction}. The model keeps training from one iteration to the next.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// an iteration is at least 2 s of whole epochs: one Gowalla epoch, or many MAL epochs (enough to warm up the JIT)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms2g", "-Xmx2g"})
public class TrainingBenchmark {

    @Param({"gowalla", "mal"})
    public String dataset;

    @Param({"2", "1"})
    public int threads;

    /** Row order of the tables: LightGCN's community order, breadth-first, or node ids (the same results, slower). */
    @Param({"communities", "breadth-first", "node-id"})
    public String order;

    Workers workers;
    TrainingStep step;
    Adam adam;
    NegativeSampler sampler;
    float[] ego;
    int epoch, batchSize;
    LightGCNConfig config;

    @Setup
    public void setup() {
        InteractionGraph train = Datasets.load(dataset).train();
        config = LightGCNConfig.builder().sampling(Sampling.EDGE_UNIFORM).build();
        workers = new Workers(threads);
        NodeOrder rows = switch (order) {
            case "communities" -> NodeOrder.communities(train);
            case "breadth-first" -> BreadthFirstOrder.of(train);
            case "node-id" -> NodeOrder.identity(train.numUsers() + train.numItems());
            default -> throw new IllegalArgumentException("order: communities, breadth-first or node-id, got " + order);
        };
        NormalizedAdjacency adj = NormalizedAdjacency.of(train, rows);
        int dim = config.embeddingDim();
        Kernels kernels = VectorizationProvider.kernels();
        step = new TrainingStep(adj, config.layers(), dim, (float) config.l2(), workers, kernels);
        ego = AlignedRows.allocate(adj.numNodes(), dim); // the layout LightGCN trains on
        Random r = new Random(2020);
        for (int p = AlignedRows.BASE; p < ego.length; p++) ego[p] = (float) (r.nextGaussian() * config.initStd());
        adam = new Adam(ego.length, (float) config.learningRate(), kernels.adam());
        sampler = new NegativeSampler(train, config.sampling());
        batchSize = config.batchSize();
    }

    @TearDown
    public void tearDown() { workers.close(); }

    @Benchmark
    public double epoch() {
        Triples triples = sampler.sampleEpoch(Rng.stream(config.seed(), 2, ++epoch));
        double loss = 0;
        for (int from = 0; from < triples.size(); from += batchSize) {
            loss += step.step(ego, AlignedRows.BASE, adam, triples, from, Math.min(triples.size(), from + batchSize)).total();
        }
        return loss;
    }
}
