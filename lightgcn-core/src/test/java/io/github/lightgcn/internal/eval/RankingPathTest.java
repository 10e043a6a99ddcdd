package io.github.lightgcn.internal.eval;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.eval.EvaluationOptions;
import io.github.lightgcn.eval.Metrics;
import io.github.lightgcn.eval.PopularityBaseline;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.testing.Graphs;
import io.github.lightgcn.testing.LogCapture;
import io.github.lightgcn.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Which ranking an evaluation runs is the ranker's own choice: a progress listener (the decorator that used to hide
 * the embeddings) cannot send the model's evaluation down the slow path, and popularity has a ranking of its own
 * that gives the dense path's lists exactly.
 */
class RankingPathTest {

    @RegisterExtension
    final LogCapture log = new LogCapture(Evaluator.LOGGER);

    @Test
    void theModelEvaluatesOnTheBlockedPathWithOrWithoutAListener() {
        LightGCNModel model = Models.random(60, 45, 8, 0.1, 2, false);
        InteractionGraph test = Graphs.random(60, 45, 0.05, 3);
        int[] calls = {0};
        Metrics heard = model.evaluate(test, EvaluationOptions.builder().ks(5, 10).threads(2)
                .listener((done, total) -> calls[0]++).build());
        Metrics quiet = model.evaluate(test, 5, 10);
        assertTrue(calls[0] > 0);
        assertEquals(quiet.asMap(), heard.asMap());
        assertEquals(List.of("lightgcn: evaluating " + test.activeUsers() + " users by blocked SIMD ranking of embeddings",
                "lightgcn: evaluating " + test.activeUsers() + " users by blocked SIMD ranking of embeddings"), log.messages());
        log.clear();
        Metrics popularity = model.evaluatePopularity(test, EvaluationOptions.atK(5, 10));
        assertEquals(List.of("lightgcn: evaluating " + test.activeUsers() + " users by popularity order"), log.messages());
        assertEquals(PopularityBaseline.evaluate(model.trainGraph(), test, EvaluationOptions.atK(5, 10)).asMap(),
                popularity.asMap());
    }

    @Test
    void aScorerWithoutARankingOfItsOwnIsRankedDensely() {
        EmbeddingScorer embeddings = new EmbeddingScorer(new float[]{1, 2, 3, 4}, new float[]{1, 0, 0, 1, 1, 1}, 2);
        Scorer plain = new Scorer() {
            @Override
            public int numItems() { return embeddings.numItems(); }

            @Override
            public void scoreBlock(int[] users, int from, int to, float[] out) {
                embeddings.scoreBlock(users, from, to, out);
            }
        };
        InteractionGraph test = InteractionGraph.fromPairs(2, 3, new int[]{0, 1}, new int[]{1, 2});
        try (Workers w = new Workers(1)) {
            Metrics dense = new Evaluator(new int[]{1, 2}, 1, w).evaluate(plain, InteractionGraph.empty(2, 3), test);
            Metrics blocked = new Evaluator(new int[]{1, 2}, 1, w).evaluate(embeddings, InteractionGraph.empty(2, 3), test);
            assertEquals(dense.asMap(), blocked.asMap());
        }
        assertEquals(List.of("lightgcn: evaluating 2 users by dense scores",
                "lightgcn: evaluating 2 users by blocked SIMD ranking of embeddings"), log.messages());
    }

    @Test
    void popularityOrderGivesTheDenseListsExactly() {
        for (long seed = 1; seed <= 6; seed++) {
            // few items and many users: many exactly tied popularity counts
            InteractionGraph train = Graphs.random(200, 30 + (int) seed * 7, 0.08, seed);
            InteractionGraph test = Graphs.random(200, 30 + (int) seed * 7, 0.05, seed + 100);
            PopularityScorer popularity = new PopularityScorer(train);
            Scorer dense = new Scorer() {
                @Override
                public int numItems() { return popularity.numItems(); }

                @Override
                public void scoreBlock(int[] users, int from, int to, float[] out) {
                    popularity.scoreBlock(users, from, to, out);
                }
            };
            try (Workers w = new Workers(2)) {
                Evaluator evaluator = new Evaluator(new int[]{1, 5, 20, 100}, 7, w);
                assertEquals(evaluator.evaluate(dense, train, test).asMap(),
                        evaluator.evaluate(popularity, train, test).asMap());
                int[] users = java.util.stream.IntStream.range(0, 200).toArray();
                boolean[] excluded = new boolean[popularity.numItems()];
                for (int i = 0; i < excluded.length; i += 3) excluded[i] = true;
                List<String> a = lists(dense.prepare(10, 7, w), users, train, excluded);
                assertEquals(a, lists(popularity.prepare(10, 7, w), users, train, excluded));
                assertEquals(lists(dense.prepare(10, 7, w), users, null, null),
                        lists(popularity.prepare(10, 7, w), users, null, null));
            }
        }
    }

    private static List<String> lists(Ranking ranking, int[] users, InteractionGraph mask, boolean[] excluded) {
        String[] out = new String[users.length];
        ranking.rank(users, mask, excluded, (user, p, items, scores, found) -> {
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < found; r++) sb.append(items[r]).append('=').append(scores[r]).append(' ');
            out[p] = sb.toString();
        });
        return List.of(out);
    }
}
