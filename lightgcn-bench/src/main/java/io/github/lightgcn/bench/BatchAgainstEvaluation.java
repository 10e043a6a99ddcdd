package io.github.lightgcn.bench;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.RecommendOptions;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.eval.EmbeddingScorer;
import io.github.lightgcn.internal.eval.Evaluator;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.internal.sparse.LayerMeanPropagation;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@link EvaluationBenchmark}'s two measurements (full-ranking evaluation of the Gowalla test users; top 20 of
 * every user through {@code recommendForAllUsers}) alternated one after the other in one JVM, so that a machine
 * whose load drifts slows both alike: prints each pair's times and the median of the pairwise ratios (the first two
 * pairs are warm-up). {@code java --add-modules jdk.incubator.vector -Xmx2g -cp lightgcn-bench/target/benchmarks.jar
 * io.github.lightgcn.bench.BatchAgainstEvaluation [pairs] [threads]}, from the repository root.
 */
public final class BatchAgainstEvaluation {

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 14;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Datasets.Split split = Datasets.gowalla();
        int dim = 64, users = split.train().numUsers();
        List<Double> ratios = new ArrayList<>();
        try (Workers workers = new Workers(threads)) {
            NormalizedAdjacency adj = NormalizedAdjacency.of(split.train());
            float[] ego = new float[adj.numNodes() * dim], fin = new float[ego.length];
            Random r = new Random(2020); // as EvaluationBenchmark
            for (int p = 0; p < ego.length; p++) ego[p] = (float) (r.nextGaussian() * 0.1);
            new LayerMeanPropagation(adj, 3, dim, workers, VectorizationProvider.kernels()).apply(ego, fin);
            float[] u = Arrays.copyOfRange(fin, 0, users * dim), v = Arrays.copyOfRange(fin, users * dim, fin.length);
            EmbeddingScorer scorer = new EmbeddingScorer(u, v, dim);
            LightGCNModel model = LightGCNModel.of(u, v, dim, split.train(), Map.of());
            RecommendOptions top20 = RecommendOptions.builder().k(20).threads(threads).build();
            for (int pair = 0; pair < pairs; pair++) {
                long t0 = System.nanoTime();
                new Evaluator(new int[]{20}, 256, workers).evaluate(scorer, split.train(), split.test());
                long t1 = System.nanoTime();
                long[] checksum = new long[1];
                model.recommendForAllUsers(top20, x -> checksum[0] += x.items().getLast().item());
                long t2 = System.nanoTime();
                double ratio = (double) (t2 - t1) / (t1 - t0);
                if (pair >= 2) ratios.add(ratio);
                System.out.printf(Locale.ROOT, "pair %2d  evaluation %.3f s  batch %.3f s  ratio %.3f%s%n", pair,
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, ratio, pair < 2 ? "  (warm-up)" : "");
            }
        }
        ratios.sort(null);
        int n = ratios.size();
        if (n > 0) {
            double median = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
            System.out.printf(Locale.ROOT, "median batch / evaluation over %d pairs: %.3f%n", n, median);
        }
    }
}
