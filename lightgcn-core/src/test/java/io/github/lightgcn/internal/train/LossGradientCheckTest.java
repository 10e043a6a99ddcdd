package io.github.lightgcn.internal.train;

import io.github.lightgcn.Loss;
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

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The gradient of the {@link TrainingStep} for the losses other than BPR ({@link SampledSoftmaxObjective},
 * {@link AlignmentUniformityObjective}) against central finite differences, in double precision, of the losses
 * written here from their papers' definitions (dense Â, explicit layer sum, explicit normalisation and pair sums),
 * for every ego parameter of a small graph, as {@link GradientCheckTest} does for BPR (Adam with β1 = 0 keeps the
 * step's gradient as its first moment).
 */
class LossGradientCheckTest {

    private static final int DIM = 3;

    /** The final (layer-mean) embeddings in double, from a dense Â. */
    static double[] finals(double[] ego, InteractionGraph g, int layers, int dim) {
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
            for (int c = 0; c < n; c++) if (a[r][c] != 0) a[r][c] /= Math.sqrt(degree[r] * degree[c]);
        }
        double[] layer = ego.clone(), sum = ego.clone();
        for (int k = 0; k < layers; k++) {
            double[] next = new double[n * dim];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    for (int d = 0; d < dim; d++) next[r * dim + d] += a[r][c] * layer[c * dim + d];
                }
            }
            for (int p = 0; p < sum.length; p++) sum[p] += next[p];
            layer = next;
        }
        for (int p = 0; p < sum.length; p++) sum[p] /= layers + 1;
        return sum;
    }

    private static double dot(double[] f, int a, int b) {
        double s = 0;
        for (int d = 0; d < DIM; d++) s += f[a * DIM + d] * f[b * DIM + d];
        return s;
    }

    private static double[] unit(double[] f) {
        double[] out = f.clone();
        for (int r = 0; r < f.length / DIM; r++) {
            double norm = Math.sqrt(dot(f, r, r));
            for (int d = 0; d < DIM; d++) out[r * DIM + d] = f[r * DIM + d] / norm;
        }
        return out;
    }

    /** L2 on each positive's user and item ego rows, as the non-BPR losses define it. */
    private static double l2(double[] ego, int users, Triples t, double l2) {
        double reg = 0;
        for (int q = 0; q < t.size(); q++) {
            int u = t.users()[q], i = users + t.positives()[q];
            reg += dot(ego, u, u) + dot(ego, i, i);
        }
        return l2 * 0.5 * reg / t.size();
    }

    /** Sampled softmax from its definition: −log(exp(s_i/τ) / Σ_(x ∈ {i} ∪ negatives) exp(s_x/τ)), mean over q. */
    static double sampledSoftmax(double[] ego, InteractionGraph g, int layers, Triples t, double l2, double tau,
                                 boolean cosine) {
        double[] f = finals(ego, g, layers, DIM);
        if (cosine) f = unit(f);
        int users = g.numUsers(), per = t.negativesPerPositive();
        double loss = 0;
        for (int q = 0; q < t.size(); q++) {
            int u = t.users()[q];
            double positive = Math.exp(dot(f, u, users + t.positives()[q]) / tau), all = positive;
            for (int k = 0; k < per; k++) all += Math.exp(dot(f, u, users + t.negatives()[q * per + k]) / tau);
            loss -= Math.log(positive / all);
        }
        return loss / t.size() + l2(ego, users, t, l2);
    }

    /** DirectAU from its definition: mean ‖û − î‖² + γ/2 (unif(distinct users) + unif(distinct items)). */
    static double directAU(double[] ego, InteractionGraph g, int layers, Triples t, double l2, double gamma) {
        double[] f = unit(finals(ego, g, layers, DIM));
        int users = g.numUsers();
        double align = 0;
        for (int q = 0; q < t.size(); q++) {
            int u = t.users()[q], i = users + t.positives()[q];
            for (int d = 0; d < DIM; d++) align += Math.pow(f[u * DIM + d] - f[i * DIM + d], 2);
        }
        int[] us = Arrays.stream(t.users()).distinct().sorted().toArray();
        int[] is = Arrays.stream(t.positives()).map(i -> i + users).distinct().sorted().toArray();
        return align / t.size() + gamma * (uniformity(f, us) + uniformity(f, is)) / 2 + l2(ego, users, t, l2);
    }

    /** Implicit ALS's squared loss from its definition: each (distinct user of the batch, item) pair's square. */
    static double implicitSquared(double[] ego, InteractionGraph g, int layers, Triples t, double l2, double w) {
        return implicitSquared(ego, g, layers, t, l2, w, 0);
    }

    /** The same with eALS's popularity weights, from their definition: r_j = I · max(1, n_j)^β / Σ max(1, n)^β. */
    static double implicitSquared(double[] ego, InteractionGraph g, int layers, Triples t, double l2, double w,
                                  double beta) {
        double[] f = finals(ego, g, layers, DIM);
        int users = g.numUsers(), items = g.numItems();
        double[] r = new double[items];
        double norm = 0;
        for (int j = 0; j < items; j++) norm += Math.pow(Math.max(1, g.itemDegree(j)), beta);
        for (int j = 0; j < items; j++) r[j] = items * Math.pow(Math.max(1, g.itemDegree(j)), beta) / norm;
        double positives = 0, all = 0;
        for (int q = 0; q < t.size(); q++) {
            positives += Math.pow(dot(f, t.users()[q], users + t.positives()[q]) - 1, 2);
        }
        for (int u : Arrays.stream(t.users()).distinct().toArray()) {
            for (int j = 0; j < items; j++) all += r[j] * Math.pow(dot(f, u, users + j), 2);
        }
        return positives / t.size() + w * all / g.numEdges() + l2(ego, users, t, l2);
    }

    private static double uniformity(double[] f, int[] rows) {
        if (rows.length < 2) return 0;
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < rows.length; a++) {
            for (int b = a + 1; b < rows.length; b++, pairs++) {
                double d2 = 0;
                for (int d = 0; d < DIM; d++) d2 += Math.pow(f[rows[a] * DIM + d] - f[rows[b] * DIM + d], 2);
                sum += Math.exp(-2 * d2);
            }
        }
        return Math.log(sum / pairs);
    }

    interface Reference { double loss(double[] ego); }

    /** A batch of 5 positives with repeated users and items, and 3 negatives each (an item both ways). */
    private static Triples batch(int negatives) {
        int[] users = {0, 1, 2, 0, 3}, positives = {1, 2, 3, 0, 3};
        int[] pool = {2, 4, 1, 3, 0, 4, 0, 4, 2, 1, 2, 4, 0, 1, 4};
        return new Triples(users, positives, Arrays.copyOf(pool, users.length * negatives));
    }

    private static InteractionGraph tiny() {
        return InteractionGraph.fromPairs(4, 5, new int[]{0, 0, 1, 1, 2, 2, 2, 3}, new int[]{0, 1, 1, 2, 0, 2, 3, 3});
    }

    @ParameterizedTest(name = "layers={0} negatives={1} tau={2} cosine={3} kernels={4}")
    @CsvSource({"2, 3, 0.5, true, jvm", "2, 3, 0.5, false, jvm", "0, 2, 1.0, true, jvm", "3, 3, 0.2, true, scalar",
            "1, 1, 2.0, false, scalar"})
    void sampledSoftmaxMatchesCentralDifferences(int layers, int negatives, double tau, boolean cosine, String k) {
        Triples t = batch(negatives);
        Loss loss = new Loss.SampledSoftmax(negatives, tau, cosine ? Loss.Score.COSINE : Loss.Score.DOT);
        check(tiny(), t, layers, 0.3, loss, k, ego -> sampledSoftmax(ego, tiny(), layers, t, 0.3, tau, cosine));
    }

    @ParameterizedTest(name = "layers={0} gamma={1} kernels={2}")
    @CsvSource({"2, 1.0, jvm", "0, 0.5, jvm", "3, 2.0, scalar", "1, 0.0, jvm"})
    void directAUMatchesCentralDifferences(int layers, double gamma, String k) {
        Triples t = batch(0);
        check(tiny(), t, layers, 0.3, new Loss.DirectAU(gamma), k, ego -> directAU(ego, tiny(), layers, t, 0.3, gamma));
    }

    @ParameterizedTest(name = "layers={0} unobserved={1} kernels={2}")
    @CsvSource({"2, 1.0, jvm", "0, 3.0, jvm", "3, 0.5, scalar", "1, 0.0, jvm"})
    void implicitSquaredMatchesCentralDifferences(int layers, double w, String k) {
        Triples t = batch(0);
        check(tiny(), t, layers, 0.3, new Loss.ImplicitSquared(w), k, ego -> implicitSquared(ego, tiny(), layers, t, 0.3, w));
    }

    @ParameterizedTest(name = "layers={0} unobserved={1} popularity={2} kernels={3}")
    @CsvSource({"2, 1.0, 0.5, jvm", "0, 3.0, 1.0, jvm", "3, 0.5, 2.0, scalar", "1, 2.0, -0.5, jvm"})
    void popularityWeightedImplicitSquaredMatchesCentralDifferences(int layers, double w, double beta, String k) {
        Triples t = batch(0);
        check(tiny(), t, layers, 0.3, new Loss.ImplicitSquared(w, beta), k,
                ego -> implicitSquared(ego, tiny(), layers, t, 0.3, w, beta));
    }

    @ParameterizedTest(name = "loss={0}")
    @CsvSource(delimiter = '|', value = {"sampled-softmax(negatives=2, temperature=0.3, score=cosine)",
            "direct-au(gamma=1)", "implicit-squared(unobserved=2)"})
    void theScatterRouteGivesTheSameGradient(String spec) {
        // a sparser graph and two positives: the first backward layer is a scatter (implicit-squared, which holds
        // every item, stays dense)
        InteractionGraph g = Graphs.random(30, 40, 0.08, 5);
        int u0 = first(g, 0), u1 = first(g, u0 + 1);
        Loss loss = Loss.parse(spec);
        Triples t = new Triples(new int[]{u0, u1}, new int[]{g.itemsOf(u0)[0], g.itemsOf(u1)[0]},
                loss instanceof Loss.SampledSoftmax ? new int[]{39, 38, g.itemsOf(u0)[0], 37} : new int[0]);
        Reference ref = loss instanceof Loss.SampledSoftmax ? ego -> sampledSoftmax(ego, g, 2, t, 0.2, 0.3, true)
                : loss instanceof Loss.DirectAU ? ego -> directAU(ego, g, 2, t, 0.2, 1)
                : ego -> implicitSquared(ego, g, 2, t, 0.2, 2);
        check(g, t, 2, 0.2, loss, "jvm", ref);
    }

    private static int first(InteractionGraph g, int from) {
        for (int u = from; u < g.numUsers(); u++) if (g.userDegree(u) > 0) return u;
        throw new IllegalStateException("no user with items from " + from);
    }

    private static void check(InteractionGraph g, Triples t, int layers, double l2, Loss lossSpec, String kernelName,
                              Reference reference) {
        Kernels kernels = kernelName.equals("scalar") ? Kernels.SCALAR : VectorizationProvider.kernels();
        int n = g.numUsers() + g.numItems(), base = AlignedRows.BASE;
        Random r = new Random(17);
        float[] ego = new float[n * DIM];
        for (int p = 0; p < ego.length; p++) ego[p] = (float) (r.nextGaussian() * 0.8);
        NodeOrder order = NodeOrder.communities(g);
        float[] table = new float[base + n * DIM];
        order.fromNodeOrder(ego, table, base, DIM);
        Adam keepsTheGradient = new Adam(table.length, 1e-3f, 0f, 0.999f, 1e-8f, kernels.adam());
        BprObjective.Loss loss;
        try (Workers w = new Workers(2)) {
            TrainingStep step = new TrainingStep(NormalizedAdjacency.of(g, order), layers, DIM, (float) l2, w, kernels,
                    lossSpec);
            loss = step.step(table, base, keepsTheGradient, t, 0, t.size());
        }
        float[] gradient = order.toNodeOrder(keepsTheGradient.firstMoments(), base, DIM);
        double[] x = new double[ego.length];
        for (int p = 0; p < x.length; p++) x[p] = ego[p];
        assertEquals(reference.loss(x), loss.total(), 1e-5, "loss value");
        double h = 1e-6;
        int nonZero = 0;
        for (int p = 0; p < x.length; p++) {
            double saved = x[p];
            x[p] = saved + h;
            double up = reference.loss(x);
            x[p] = saved - h;
            double down = reference.loss(x);
            x[p] = saved;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, gradient[p], 2e-5 + 1e-3 * Math.abs(numeric),
                    "d loss / d ego[" + p + "] (node " + p / DIM + ", dim " + p % DIM + ")");
            if (Math.abs(numeric) > 1e-4) nonZero++;
        }
        assertTrue(nonZero > 8, "the check must exercise real gradients, only " + nonZero + " non-zero");
    }
}
