package io.github.lightgcn.internal.train;

import io.github.lightgcn.Loss;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.RowKernels;
import io.github.lightgcn.internal.simd.VectorOps;

import java.util.Arrays;

/**
 * The sampled softmax loss ({@link Loss.SampledSoftmax}; Wu et al., TOIS 2024, arXiv:2201.02327) of a batch: for
 * positive q with user u, item i and negatives j_1..j_N, logits {@code z_0 = s(u,i)/τ}, {@code z_k = s(u,j_k)/τ}
 * and the loss {@code logsumexp(z) − z_0}, averaged over the batch. With {@code p = softmax(z)}, {@code ∂L/∂z_k =
 * (p_k − [k = 0]) / B}; a dot score then gives {@code ∂/∂e_u = Σ_k g_k e_(x_k)}, {@code ∂/∂e_(x_k) = g_k e_u} with
 * {@code g_k = ∂L/∂z_k / τ}, and a cosine score the same on the unit rows, mapped back through the normalisation
 * ({@link UnitRows}).
 *
 * <p>Scores and softmax are per positive (parallel); the gradient is accumulated by row ranges, each task applying
 * the updates of its rows in (positive, k) order, so the result does not depend on the thread count.
 */
final class SampledSoftmaxObjective implements BatchObjective {

    private final int negatives;
    private final double invTemperature;
    private final boolean cosine;
    private final Workers workers;
    private final RowKernels rowOps;
    private final UnitRows units = new UnitRows();
    private float[] coefficients = new float[0]; // g_k per (positive, k), k = 0 the positive
    private double[] terms = new double[0];      // loss of each positive
    private float[] unitGrad = new float[0];
    private int[] work = new int[0];
    private int[] bounds = new int[0];

    SampledSoftmaxObjective(Loss.SampledSoftmax loss, Workers workers, RowKernels rowOps) {
        this.negatives = loss.negatives();
        this.invTemperature = 1 / loss.temperature();
        this.cosine = loss.score() == Loss.Score.COSINE;
        this.workers = workers;
        this.rowOps = rowOps;
    }

    @Override
    public int negativesPerBatchPositive() { return negatives; }

    @Override
    public double lossAndGradient(Batch b, float[] grad) {
        int dim = b.dim(), count = b.count(), batch = b.batch(), n = negatives, width = n + 1;
        if (b.negativesPerPositive() != n) {
            throw new IllegalArgumentException("the batch has " + b.negativesPerPositive() + " negatives per positive, the loss "
                    + n);
        }
        ensure(batch, count, dim, width);
        int[] su = b.users(), si = b.positives(), sj = b.negatives();
        int parts = Math.min(workers.threads(), Math.max(1, count / 64));
        float[] rows;
        if (cosine) {
            units.ensure(count, dim);
            workers.run(parts, t -> units.normalize(b.finals(), dim, range(count, t, parts), range(count, t + 1, parts),
                    rowOps));
            rows = units.rows();
        } else {
            rows = b.finals();
        }
        double scale = invTemperature / batch;
        int qParts = Math.min(workers.threads(), Math.max(1, batch / 64));
        workers.run(qParts, t -> {
            double[] z = new double[width];
            int[] candidates = new int[width];
            for (int q = range(batch, t, qParts), end = range(batch, t + 1, qParts); q < end; q++) {
                int u = su[q] * dim;
                candidates[0] = si[q];
                System.arraycopy(sj, q * n, candidates, 1, n);
                Dots.rowAgainst(rows, u, candidates, 0, width, dim, z, 0);
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < width; k++) {
                    z[k] *= invTemperature;
                    max = Math.max(max, z[k]);
                }
                double z0 = z[0], sum = 0;
                for (int k = 0; k < width; k++) {
                    z[k] = Math.exp(z[k] - max);
                    sum += z[k];
                }
                terms[q] = max + Math.log(sum) - z0;
                for (int k = 0; k < width; k++) {
                    coefficients[q * width + k] = (float) ((z[k] / sum - (k == 0 ? 1 : 0)) * scale);
                }
            }
        });
        // rows split by their number of updates: a user's N + 1 per positive, an item's one per appearance
        Arrays.fill(work, 0, count, 0);
        for (int q = 0; q < batch; q++) {
            work[su[q]] += width;
            work[si[q]]++;
            for (int k = 0; k < n; k++) work[sj[q * n + k]]++;
        }
        if (bounds.length != parts + 1) bounds = new int[parts + 1];
        int[] ranges = Workers.weightedRanges(count, s -> work[s], bounds);
        float[] target = cosine ? unitGrad : grad;
        workers.run(parts, t -> {
            int lo = ranges[t], hi = ranges[t + 1];
            rowOps.zero(target, lo * dim, (hi - lo) * dim);
            for (int q = 0; q < batch; q++) {
                int u = su[q];
                boolean mine = u >= lo && u < hi;
                for (int k = 0; k < width; k++) {
                    int x = k == 0 ? si[q] : sj[q * n + k - 1];
                    float g = coefficients[q * width + k];
                    if (mine) rowOps.axpy(g, rows, x * dim, target, u * dim, dim);
                    if (x >= lo && x < hi) rowOps.axpy(g, rows, u * dim, target, x * dim, dim);
                }
            }
            if (cosine) units.backward(unitGrad, grad, dim, lo, hi, rowOps);
        });
        double sum = 0;
        for (int q = 0; q < batch; q++) sum += terms[q];
        return sum / batch;
    }

    private static int range(int n, int t, int parts) { return (int) ((long) n * t / parts); }

    private void ensure(int batch, int count, int dim, int width) {
        if (terms.length < batch) terms = new double[batch];
        if (coefficients.length < batch * width) coefficients = new float[batch * width];
        if (work.length < count) work = new int[count];
        if (cosine && unitGrad.length < count * dim) unitGrad = new float[count * dim];
    }
}
