package io.github.lightgcn.internal.train;

import io.github.lightgcn.Loss;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.RowKernels;
import io.github.lightgcn.internal.simd.VectorOps;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;

import java.util.Arrays;

/**
 * Implicit ALS's squared loss ({@link Loss.ImplicitSquared}; Hu, Koren and Volinsky, ICDM 2008) of a batch of B
 * positives, over a training graph of E edges: {@code L = (1/B) Σ_q (e_u·e_i − 1)² + (w/E) Σ_(u ∈ U) Σ_j (e_u·e_j)²},
 * U the batch's distinct users and j every item. With the items' Gramian {@code G_I = Σ_j e_j e_jᵀ} the second term
 * is {@code (w/E) Σ_u e_uᵀ G_I e_u}, and with {@code G_U = Σ_(u ∈ U) e_u e_uᵀ} its gradient is
 * {@code (2w/E) G_I e_u} on each user of the batch and {@code (2w/E) G_U e_j} on every item: (users + items) · d²
 * work instead of users · items · d. With popularity weights r_j (eALS's, {@link Loss.ImplicitSquared}) the items'
 * Gramian is {@code Σ_j r_j e_j e_jᵀ} and item j's gradient {@code (2w/E) r_j G_U e_j}; at β = 0 every r_j is exactly
 * 1, so the figures are those of the unweighted loss bit for bit.
 *
 * <p>Each Gramian entry is summed in double over the rows in node-id order, and each row's gradient is built by one
 * task (the positives' terms in batch order, then the Gramian's), so nothing depends on the thread count or the
 * node order.
 */
final class ImplicitSquaredObjective implements BatchObjective {

    private final double weight;
    private final long edges;
    private final double[] popularityByRow; // r_j of each item's table row (users' rows unused)
    private final Workers workers;
    private final RowKernels rowOps;
    private double[] itemGram = new double[0], userGram = new double[0], quadratic = new double[0];
    private double[] residual = new double[0], slotWeight = new double[0];
    private int[] seen = new int[0];

    ImplicitSquaredObjective(Loss.ImplicitSquared loss, NormalizedAdjacency adjacency, Workers workers,
                             RowKernels rowOps) {
        this.weight = loss.unobservedWeight();
        this.edges = Math.max(1, adjacency.nonZeros() / 2);
        this.popularityByRow = popularityWeights(adjacency, loss.popularityExponent());
        this.workers = workers;
        this.rowOps = rowOps;
    }

    @Override
    public int negativesPerBatchPositive() { return 0; }

    @Override
    public boolean needsEveryItem() { return true; }

    @Override
    public double lossAndGradient(Batch b, float[] grad) {
        int dim = b.dim(), count = b.count(), batch = b.batch(), users = b.distinctUsers();
        int[] su = b.users(), si = b.positives(), byId = b.byNodeId();
        float[] f = b.finals();
        ensure(count, batch, dim);
        Arrays.fill(seen, 0, count, 0);
        for (int q = 0; q < batch; q++) seen[su[q]]++;
        int[] rows = b.rows();
        for (int s = 0; s < count; s++) slotWeight[s] = popularityByRow[rows[s]];
        int parts = Math.min(workers.threads(), Math.max(1, dim / 8));
        workers.run(parts, t -> {
            int a0 = triangleRow(dim, t, parts), a1 = triangleRow(dim, t + 1, parts);
            gram(itemGram, f, dim, byId, users, count, slotWeight, a0, a1);
            gram(userGram, f, dim, byId, 0, users, null, a0, a1);
        });
        mirror(itemGram, dim);
        mirror(userGram, dim);
        int qParts = Math.min(workers.threads(), Math.max(1, batch / 256));
        workers.run(qParts, t -> {
            for (int q = (int) ((long) batch * t / qParts), e = (int) ((long) batch * (t + 1) / qParts); q < e; q++) {
                residual[q] = (double) VectorOps.dot(f, su[q] * dim, f, si[q] * dim, dim) - 1;
            }
        });
        double scale = 2.0 / batch, unobserved = 2 * weight / edges;
        int rParts = Math.min(workers.threads(), Math.max(1, count / 256));
        workers.run(rParts, t -> {
            int lo = (int) ((long) count * t / rParts), hi = (int) ((long) count * (t + 1) / rParts);
            rowOps.zero(grad, lo * dim, (hi - lo) * dim);
            for (int q = 0; q < batch; q++) {
                int u = su[q], i = si[q];
                float g = (float) (scale * residual[q]);
                if (u >= lo && u < hi) rowOps.axpy(g, f, i * dim, grad, u * dim, dim);
                if (i >= lo && i < hi) rowOps.axpy(g, f, u * dim, grad, i * dim, dim);
            }
            double[] v = new double[dim];
            for (int s = lo; s < hi; s++) {
                boolean user = seen[s] > 0; // a batch's users all come with positives; items never do
                double[] gram = user ? itemGram : userGram;

                int o = s * dim;
                Arrays.fill(v, 0);
                for (int k = 0; k < dim; k++) { // v = G f as a sum of G's rows (G is symmetric): a loop the JIT vectorises
                    double fk = f[o + k];
                    for (int a = 0, r = k * dim; a < dim; a++) v[a] += fk * gram[r + a];
                }
                double quad = 0;
                for (int a = 0; a < dim; a++) quad += f[o + a] * v[a];
                quadratic[s] = user ? quad : 0;
                double rowScale = user ? unobserved : unobserved * slotWeight[s];
                for (int a = 0; a < dim; a++) grad[o + a] += (float) (rowScale * v[a]);
            }
        });
        double squares = 0, all = 0;
        for (int q = 0; q < batch; q++) squares += residual[q] * residual[q];
        for (int k = 0; k < users; k++) all += quadratic[byId[k]];
        return squares / batch + weight * all / edges;
    }

    /**
     * Rows a in [a0, a1) of {@code Σ_k w_k f_k f_kᵀ} over the slots {@code byId[from, to)}, in that order: the upper
     * triangle summed, the lower one copied from it (exactly symmetric) once every task is done, by {@link #mirror}.
     */
    private static void gram(double[] g, float[] f, int dim, int[] byId, int from, int to, double[] weights, int a0,
                             int a1) {
        Arrays.fill(g, a0 * dim, a1 * dim, 0);
        for (int k = from; k < to; k++) {
            int s = byId[k], o = s * dim;
            double w = weights == null ? 1 : weights[s];
            for (int a = a0; a < a1; a++) {
                double fa = w * f[o + a];
                int row = a * dim;
                for (int c = a; c < dim; c++) g[row + c] += fa * f[o + c];
            }
        }
    }

    /**
     * r_j by table row: {@code I · max(1, n_j)^β / Σ_k max(1, n_k)^β} over the items' degrees n (a row's non-zeros),
     * summed in item-id order; exactly 1 for every item when β = 0. An item without training edges counts as degree
     * 1, so that its score is still pushed down like a rare item's.
     */
    static double[] popularityWeights(NormalizedAdjacency adjacency, double beta) {
        int users = adjacency.numUsers(), items = adjacency.numItems();
        int[] offsets = adjacency.rowOffsets(), position = adjacency.order().positions();
        double[] byRow = new double[adjacency.numNodes()];
        double sum = 0;
        for (int j = 0; j < items; j++) {
            int row = position[users + j];
            byRow[row] = Math.pow(Math.max(1, offsets[row + 1] - offsets[row]), beta);
            sum += byRow[row];
        }
        for (int j = 0; j < items; j++) byRow[position[users + j]] *= items / sum;
        return byRow;
    }

    /** The first row of part t when the upper triangle's rows are split in parts of about equal work. */
    private static int triangleRow(int dim, int t, int parts) {
        return t == parts ? dim : (int) Math.round(dim - dim * Math.sqrt(1 - (double) t / parts));
    }

    private static void mirror(double[] g, int dim) {
        for (int a = 0; a < dim; a++) {
            for (int c = 0; c < a; c++) g[a * dim + c] = g[c * dim + a];
        }
    }

    private void ensure(int count, int batch, int dim) {
        if (itemGram.length != dim * dim) {
            itemGram = new double[dim * dim];
            userGram = new double[dim * dim];
        }
        if (seen.length < count) {
            seen = new int[count];
            quadratic = new double[count];
            slotWeight = new double[count];
        }
        if (residual.length < batch) residual = new double[batch];
    }
}
