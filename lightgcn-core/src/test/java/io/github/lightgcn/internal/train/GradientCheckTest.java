package io.github.lightgcn.internal.train;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.sparse.LayerMeanPropagation;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The hand-written BPR + L2 gradient against central finite differences of an independent double-precision
 * implementation of the same loss (dense Â, explicit layer sum), for every ego parameter of a tiny graph.
 */
class GradientCheckTest {

    private static final int USERS = 4, ITEMS = 5, DIM = 3;

    /** A tiny graph with an isolated item (4) and a user (3) with a single edge. */
    private static InteractionGraph graph() {
        return InteractionGraph.fromPairs(USERS, ITEMS,
                new int[]{0, 0, 1, 1, 2, 2, 2, 3},
                new int[]{0, 1, 1, 2, 0, 2, 3, 3});
    }

    /** Batch with repeated users and items, and an item used as positive in one triple and negative in another. */
    private static Triples batch() {
        return new Triples(new int[]{0, 1, 2, 0, 3}, new int[]{1, 2, 3, 0, 3}, new int[]{2, 4, 1, 3, 0});
    }

    /** The loss in double, written directly from the definition, independent of the code under test. */
    static double referenceLoss(double[] ego, InteractionGraph g, int layers, Triples t, double l2) {
        int n = USERS + ITEMS;
        double[][] a = new double[n][n];
        double[] degree = new double[n];
        for (int u = 0; u < USERS; u++) {
            for (int i : g.itemsOf(u)) {
                a[u][USERS + i] = a[USERS + i][u] = 1;
                degree[u]++;
                degree[USERS + i]++;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if (a[r][c] != 0) a[r][c] /= Math.sqrt(degree[r] * degree[c]);
            }
        }
        double[] layer = ego.clone(), sum = ego.clone();
        for (int k = 0; k < layers; k++) {
            double[] next = new double[n * DIM];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    for (int d = 0; d < DIM; d++) next[r * DIM + d] += a[r][c] * layer[c * DIM + d];
                }
            }
            for (int p = 0; p < sum.length; p++) sum[p] += next[p];
            layer = next;
        }
        for (int p = 0; p < sum.length; p++) sum[p] /= layers + 1;
        double bpr = 0, reg = 0;
        int b = t.size();
        for (int s = 0; s < b; s++) {
            int u = t.users()[s], i = USERS + t.positives()[s], j = USERS + t.negatives()[s];
            double x = 0;
            for (int d = 0; d < DIM; d++) x += sum[u * DIM + d] * (sum[j * DIM + d] - sum[i * DIM + d]);
            bpr += Math.log1p(Math.exp(x));
            for (int d = 0; d < DIM; d++) {
                reg += ego[u * DIM + d] * ego[u * DIM + d] + ego[i * DIM + d] * ego[i * DIM + d]
                        + ego[j * DIM + d] * ego[j * DIM + d];
            }
        }
        return bpr / b + l2 * 0.5 * reg / b;
    }

    @ParameterizedTest
    @CsvSource({"2, 0.0", "2, 0.5", "1, 0.1", "0, 0.1"})
    void gradientMatchesCentralDifferences(int layers, double l2) {
        InteractionGraph g = graph();
        Triples t = batch();
        Random r = new Random(11);
        float[] ego = new float[(USERS + ITEMS) * DIM];
        for (int p = 0; p < ego.length; p++) ego[p] = (float) (r.nextGaussian() * 0.8);
        float[] gradient = new float[ego.length];
        BprObjective.Loss loss;
        try (Workers w = new Workers(1)) {
            var prop = new LayerMeanPropagation(NormalizedAdjacency.of(g), layers, DIM, w);
            loss = new BprObjective(prop, (float) l2).lossAndGradient(ego, t, 0, t.size(), gradient);
        }
        double[] x = new double[ego.length];
        for (int p = 0; p < x.length; p++) x[p] = ego[p];
        assertEquals(referenceLoss(x, g, layers, t, l2), loss.total(), 1e-5, "loss value");

        double h = 1e-6;
        int nonZero = 0;
        for (int p = 0; p < x.length; p++) {
            double saved = x[p];
            x[p] = saved + h;
            double up = referenceLoss(x, g, layers, t, l2);
            x[p] = saved - h;
            double down = referenceLoss(x, g, layers, t, l2);
            x[p] = saved;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, gradient[p], 2e-5 + 1e-3 * Math.abs(numeric),
                    "d loss / d ego[" + p + "] (node " + p / DIM + ", dim " + p % DIM + ")");
            if (Math.abs(numeric) > 1e-4) nonZero++;
        }
        assertTrue(nonZero > x.length / 2, "the check must exercise real gradients, only " + nonZero + " non-zero");
    }
}
