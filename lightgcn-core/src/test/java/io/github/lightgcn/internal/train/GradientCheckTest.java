package io.github.lightgcn.internal.train;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The gradient of the {@link TrainingStep} that training runs (its pruned forward, its scatter or dense first
 * backward layer, its fused last layer and L2 term, in the community order on aligned rows, on this JVM's and on
 * the scalar kernels) against central finite differences, in double precision, of an independent implementation of
 * the same loss (dense Â, explicit layer sum), for every ego parameter of a small graph.
 *
 * <p>The step hands its gradient straight to Adam; an Adam with β1 = 0 keeps it: its first moment becomes
 * {@code 0·m + 1·g = g} exactly, so after one step the first moments are the step's gradient, bit for bit.
 */
class GradientCheckTest {

    private static final int DIM = 3;

    /** A tiny graph with an isolated item (4) and a user (3) with a single edge. */
    private static InteractionGraph tiny() {
        return InteractionGraph.fromPairs(4, 5,
                new int[]{0, 0, 1, 1, 2, 2, 2, 3},
                new int[]{0, 1, 1, 2, 0, 2, 3, 3});
    }

    /** Batch with repeated users and items, and an item used as positive in one triple and negative in another. */
    private static Triples tinyBatch() {
        return new Triples(new int[]{0, 1, 2, 0, 3}, new int[]{1, 2, 3, 0, 3}, new int[]{2, 4, 1, 3, 0});
    }

    /** The loss in double, written directly from the definition, independent of the code under test. */
    static double referenceLoss(double[] ego, InteractionGraph g, int layers, Triples t, double l2) {
        int users = g.numUsers(), n = users + g.numItems();
        double[][] a = new double[n][n];
        double[] degree = new double[n];
        for (int u = 0; u < users; u++) {
            for (int i : g.itemsOf(u)) {
                a[u][users + i] = a[users + i][u] = 1;
                degree[u]++;
                degree[users + i]++;
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
            int u = t.users()[s], i = users + t.positives()[s], j = users + t.negatives()[s];
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

    @ParameterizedTest(name = "layers={0} l2={1} kernels={2}")
    @CsvSource({"2, 0.0, jvm", "2, 0.5, jvm", "1, 0.1, jvm", "0, 0.1, jvm", "3, 0.5, jvm", "2, 0.5, scalar",
            "3, 0.5, scalar"})
    void gradientOfTheDenseRouteMatchesCentralDifferences(int layers, double l2, String kernels) {
        check(tiny(), tinyBatch(), layers, l2, kernels(kernels), false, 11);
    }

    @ParameterizedTest(name = "layers={0} l2={1} kernels={2}")
    @CsvSource({"2, 0.5, jvm", "3, 0.1, jvm", "1, 0.5, jvm", "3, 0.1, scalar"})
    void gradientOfTheScatterRouteMatchesCentralDifferences(int layers, double l2, String kernels) {
        // a sparser graph and a batch of two triples: its rows hold a small share of the non-zeros
        InteractionGraph g = Graphs.random(30, 40, 0.08, 5);
        int u0 = firstUserWithItems(g, 0), u1 = firstUserWithItems(g, u0 + 1);
        Triples batch = new Triples(new int[]{u0, u1}, new int[]{g.itemsOf(u0)[0], g.itemsOf(u1)[0]},
                new int[]{39, g.itemsOf(u0)[0]});
        check(g, batch, layers, l2, kernels(kernels), true, 13);
    }

    private static int firstUserWithItems(InteractionGraph g, int from) {
        for (int u = from; u < g.numUsers(); u++) if (g.userDegree(u) > 0) return u;
        throw new IllegalStateException("no user with items from " + from);
    }

    private static Kernels kernels(String name) {
        return name.equals("scalar") ? Kernels.SCALAR : VectorizationProvider.kernels();
    }

    private static void check(InteractionGraph g, Triples t, int layers, double l2, Kernels kernels, boolean scatter,
                              long seed) {
        int n = g.numUsers() + g.numItems(), base = AlignedRows.BASE;
        Random r = new Random(seed);
        float[] ego = new float[n * DIM];
        for (int p = 0; p < ego.length; p++) ego[p] = (float) (r.nextGaussian() * 0.8);
        NodeOrder order = NodeOrder.communities(g); // the layout training uses: rows in community order, aligned
        float[] table = new float[base + n * DIM];
        order.fromNodeOrder(ego, table, base, DIM);
        Adam keepsTheGradient = new Adam(table.length, 1e-3f, 0f, 0.999f, 1e-8f, kernels.adam());
        BprObjective.Loss loss;
        try (Workers w = new Workers(2)) {
            TrainingStep step = new TrainingStep(NormalizedAdjacency.of(g, order), layers, DIM, (float) l2, w, kernels);
            loss = step.step(table, base, keepsTheGradient, t, 0, t.size());
            if (layers > 0) assertEquals(scatter, step.lastFirstLayerWasScatter(), "the first backward layer's route");
        }
        float[] gradient = order.toNodeOrder(keepsTheGradient.firstMoments(), base, DIM);

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
        int expectedNonZero = scatter ? 12 : x.length / 2; // the scatter's batch touches a few rows' neighbourhoods
        assertTrue(nonZero > expectedNonZero, "the check must exercise real gradients, only " + nonZero + " non-zero");
    }
}
