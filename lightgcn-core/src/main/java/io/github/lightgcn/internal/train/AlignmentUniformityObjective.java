package io.github.lightgcn.internal.train;

import io.github.lightgcn.Loss;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.RowKernels;

import java.util.Arrays;

/**
 * DirectAU's loss ({@link Loss.DirectAU}; Wang et al., KDD 2022) of a batch, on the unit rows n of the final
 * embeddings: alignment {@code A = mean_q ‖n_u − n_i‖²} and uniformity
 * {@code U(X) = ln mean_(a<b) exp(−2‖n_a − n_b‖²)} over the batch's distinct users and its distinct items, the loss
 * {@code A + γ (U(users) + U(items)) / 2}. On unit rows {@code ‖n_a − n_b‖² = 2 − 2 n_a·n_b}, so with
 * {@code e_ab = exp(4 (n_a·n_b − 1))} and {@code S = Σ_(a<b) e_ab}, {@code ∂U/∂n_a = (4/S) Σ_(b≠a) e_ab n_b}; the
 * gradient on the unit rows is then mapped back through the normalisation ({@link UnitRows}).
 *
 * <p>Each unit row's gradient is summed by one task in a fixed order (alignment in batch order, then uniformity in
 * slot order), so the result does not depend on the thread count.
 */
final class AlignmentUniformityObjective implements BatchObjective {

    private final double gamma;
    private final Workers workers;
    private final RowKernels rowOps;
    private final UnitRows units = new UnitRows();
    private float[] unitGrad = new float[0];
    private float[] kernel = new float[0]; // e_ab of the current set, row a at a·n
    private double[] rowSums = new double[0];
    private int[] members = new int[0];
    private boolean[] isUser = new boolean[0], isItem = new boolean[0];

    AlignmentUniformityObjective(Loss.DirectAU loss, Workers workers, RowKernels rowOps) {
        this.gamma = loss.gamma();
        this.workers = workers;
        this.rowOps = rowOps;
    }

    @Override
    public int negativesPerBatchPositive() { return 0; }

    @Override
    public double lossAndGradient(Batch b, float[] grad) {
        int dim = b.dim(), count = b.count(), batch = b.batch();
        int[] su = b.users(), si = b.positives();
        units.ensure(count, dim);
        if (unitGrad.length < count * dim) unitGrad = new float[count * dim];
        if (isUser.length < count) {
            isUser = new boolean[count];
            isItem = new boolean[count];
            members = new int[count];
        }
        int parts = Math.min(workers.threads(), Math.max(1, count / 64));
        int[] ranges = evenRanges(count, parts);
        float[] n = units.rows();
        float coef = (float) (2.0 / batch);
        workers.run(parts, t -> {
            int lo = ranges[t], hi = ranges[t + 1];
            units.normalize(b.finals(), dim, lo, hi, rowOps);
            rowOps.zero(unitGrad, lo * dim, (hi - lo) * dim);
        });
        // alignment: 2/B (n_u − n_i) on the user, 2/B (n_i − n_u) on the item, each row by its range's task
        workers.run(parts, t -> {
            int lo = ranges[t], hi = ranges[t + 1];
            for (int q = 0; q < batch; q++) {
                int u = su[q], i = si[q];
                if (u >= lo && u < hi) rowOps.addScaledDifference(coef, n, u * dim, i * dim, unitGrad, u * dim, dim);
                if (i >= lo && i < hi) rowOps.addScaledDifference(coef, n, i * dim, u * dim, unitGrad, i * dim, dim);
            }
        });
        double alignment = 0;
        for (int q = 0; q < batch; q++) {
            double d2 = 0;
            for (int k = 0, u = su[q] * dim, i = si[q] * dim; k < dim; k++) {
                double d = (double) n[u + k] - n[i + k];
                d2 += d * d;
            }
            alignment += d2;
        }
        Arrays.fill(isUser, 0, count, false);
        Arrays.fill(isItem, 0, count, false);
        for (int q = 0; q < batch; q++) {
            isUser[su[q]] = true;
            isItem[si[q]] = true;
        }
        double uniformity = 0;
        if (gamma != 0) uniformity = (uniformity(isUser, b, n, dim) + uniformity(isItem, b, n, dim)) / 2;
        workers.run(parts, t -> units.backward(unitGrad, grad, dim, ranges[t], ranges[t + 1], rowOps));
        return alignment / batch + gamma * uniformity;
    }

    /**
     * U of the slots flagged in {@code member}, taken in node-id order; adds γ/2 · ∂U/∂n to their rows of
     * {@code unitGrad}.
     */
    private double uniformity(boolean[] member, Batch b, float[] n, int dim) {
        int size = 0;
        for (int k = 0; k < b.count(); k++) {
            int s = b.byNodeId()[k];
            if (member[s]) members[size++] = s;
        }
        if (size < 2) return 0;
        int m = size;
        if (kernel.length < m * m) kernel = new float[m * m];
        if (rowSums.length < m) rowSums = new double[m];
        int parts = Math.min(workers.threads(), Math.max(1, m / 32));
        int[] ranges = evenRanges(m, parts);
        workers.run(parts, t -> {
            double[] dots = new double[m];
            for (int a = ranges[t]; a < ranges[t + 1]; a++) {
                Dots.rowAgainst(n, members[a] * dim, members, 0, m, dim, dots, 0);
                double sum = 0;
                for (int c = 0; c < m; c++) {
                    if (c == a) continue;
                    double e = Math.exp(4.0 * (dots[c] - 1.0));
                    kernel[a * m + c] = (float) e;
                    sum += e;
                }
                rowSums[a] = sum;
            }
        });
        double total = 0;
        for (int a = 0; a < m; a++) total += rowSums[a];
        double pairs = total / 2; // S = Σ_(a<b) e_ab
        double weight = gamma / 2 * 4 / pairs;
        workers.run(parts, t -> {
            for (int a = ranges[t]; a < ranges[t + 1]; a++) {
                int ra = members[a] * dim;
                for (int c = 0; c < m; c++) {
                    if (c != a) rowOps.axpy((float) (weight * kernel[a * m + c]), n, members[c] * dim, unitGrad, ra, dim);
                }
            }
        });
        return Math.log(pairs / ((double) m * (m - 1) / 2));
    }

    private static int[] evenRanges(int n, int parts) {
        int[] bounds = new int[parts + 1];
        for (int t = 0; t <= parts; t++) bounds[t] = (int) ((long) n * t / parts);
        return bounds;
    }
}
