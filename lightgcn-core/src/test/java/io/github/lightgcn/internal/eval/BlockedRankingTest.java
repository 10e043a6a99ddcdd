package io.github.lightgcn.internal.eval;

import io.github.lightgcn.eval.Metrics;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The blocked, tiled, SIMD ranking of {@link EmbeddingScorer}s against the generic path (score every item of a
 * block, then mask and select one by one): the same metrics exactly, with ties, masks, odd dimensions and item
 * counts that are not a multiple of the tile.
 */
class BlockedRankingTest {

    /** The same scorer hidden behind the interface, so that the evaluator takes its generic path. */
    private static Scorer generic(EmbeddingScorer s) {
        return new Scorer() {
            @Override
            public int numItems() { return s.numItems(); }

            @Override
            public void scoreBlock(int[] users, int from, int to, float[] out) { s.scoreBlock(users, from, to, out); }
        };
    }

    @ParameterizedTest(name = "users={0} items={1} dim={2} block={3} threads={4}")
    @CsvSource({"50, 37, 3, 1, 1", "120, 300, 17, 7, 2", "90, 1100, 64, 256, 2", "33, 5, 64, 4, 3",
            "200, 2500, 100, 32, 2", "64, 70, 8, 5, 1"})
    void sameMetricsAsScoringEveryItem(int users, int items, int dim, int block, int threads) {
        InteractionGraph train = Graphs.random(users, items, 0.1, users + items);
        InteractionGraph test = Graphs.random(users, items, 0.05, dim);
        Random r = new Random(dim);
        float[] u = new float[users * dim], v = new float[items * dim];
        // coarse values: many exactly tied scores, so the tie rule (lower item id) matters
        for (int p = 0; p < u.length; p++) u[p] = r.nextInt(5) - 2;
        for (int p = 0; p < v.length; p++) v[p] = (r.nextInt(9) - 4) * 0.5f;
        EmbeddingScorer scorer = new EmbeddingScorer(u, v, dim);
        try (Workers w = new Workers(threads)) {
            Evaluator evaluator = new Evaluator(new int[]{1, 5, 20}, block, w);
            Metrics blocked = evaluator.evaluate(scorer, train, test);
            Metrics plain = evaluator.evaluate(generic(scorer), train, test);
            assertEquals(plain.asMap(), blocked.asMap());
            assertEquals(plain.numUsers(), blocked.numUsers());
        }
        // and with continuous values
        for (int p = 0; p < u.length; p++) u[p] = (float) r.nextGaussian();
        for (int p = 0; p < v.length; p++) v[p] = (float) r.nextGaussian();
        try (Workers w = new Workers(threads)) {
            Evaluator evaluator = new Evaluator(new int[]{3, 10}, block, w);
            assertEquals(evaluator.evaluate(generic(scorer), train, test).asMap(),
                    evaluator.evaluate(scorer, train, test).asMap());
        }
    }
}
