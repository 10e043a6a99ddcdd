package io.github.lightgcn.internal.sparse;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.SparseKernels;

/**
 * The products of one {@link NormalizedAdjacency} with embedding tables, on the sparse kernels and workers it is
 * given: the whole product, the product for listed rows, and the scatter from a few rows. Each output row is
 * computed by one task with the kernels' float operations in the order the kernels define, so the results do not
 * depend on the thread count, the kernels' implementation or the node order. Tables are flat row-major; a base
 * offset says where row 0 starts. Holds no buffers; safe to share between threads as long as their outputs differ.
 */
public final class AdjacencyProducts {

    private final NormalizedAdjacency adjacency;
    private final SparseKernels kernels;
    private final Workers workers;

    public AdjacencyProducts(NormalizedAdjacency adjacency, SparseKernels kernels, Workers workers) {
        this.adjacency = adjacency;
        this.kernels = kernels;
        this.workers = workers;
    }

    public NormalizedAdjacency adjacency() { return adjacency; }

    /** The row ranges {@link #multiply} splits the rows into ({@link NormalizedAdjacency#rowRanges}). */
    public int[] rowRanges() { return adjacency.rowRanges(workers); }

    /** {@code y = Â x} for all rows, rows split by non-zeros over the workers. */
    public void multiply(float[] x, float[] y, int dim) {
        multiply(x, 0, y, 0, dim);
    }

    /** {@code y = Â x} for tables whose row r starts at {@code xBase + r·dim} and {@code yBase + r·dim}. */
    public void multiply(float[] x, int xBase, float[] y, int yBase, int dim) {
        int[] bounds = rowRanges();
        int[] offsets = adjacency.rowOffsets(), columns = adjacency.columns();
        float[] scale = adjacency.invSqrtDegree();
        workers.run(bounds.length - 1, t -> kernels.spmmRows(offsets, columns, scale, x, xBase, dim, bounds[t],
                bounds[t + 1], y, yBase));
    }

    /**
     * {@code (Â x)} for the rows {@code rows[0..count)} only, row {@code rows[i]} written to {@code y[i·dim ..]};
     * row r of x starts at {@code xBase + r·dim}.
     */
    public void multiplyRowList(float[] x, int xBase, int dim, int[] rows, int count, float[] y) {
        int parts = workers.threads() == 1 ? 1 : workers.threads() * 4;
        int[] bounds = listRanges(rows, count, parts);
        int[] offsets = adjacency.rowOffsets(), columns = adjacency.columns();
        float[] scale = adjacency.invSqrtDegree();
        workers.run(bounds.length - 1, t -> kernels.spmmRowList(offsets, columns, scale, x, xBase, dim, rows,
                bounds[t], bounds[t + 1], y, bounds[t] * dim));
    }

    /** Splits a row list into ranges of about equal non-zeros (+ 1 a row: an empty row still costs a little). */
    private int[] listRanges(int[] rows, int count, int parts) {
        int[] offsets = adjacency.rowOffsets();
        parts = Math.max(1, Math.min(parts, count));
        return Workers.weightedRanges(count, i -> offsets[rows[i] + 1] - offsets[rows[i]] + 1, new int[parts + 1]);
    }

    /**
     * {@code y += Â x} where x is zero except on the rows {@code rows[s]}, whose values are given compactly at
     * {@code xRows[s·dim ..]}, for s in [0, count); {@code sourceOrder[0..count)} lists those s in ascending node id.
     * Works as a scatter from those rows, so it costs their non-zeros only. Each output row receives its terms in
     * ascending source node id, i.e. the order of the gather of {@link #multiply} with its zero terms left out;
     * starting from a zero {@code y} it gives that product (up to the sign of zero). Output rows are split over the
     * workers, each finding its own rows in each source's neighbours (kept sorted by row for this search), so no two
     * threads write the same row. One range a thread, not the few of {@link #rowRanges}: every range searches every
     * source's neighbours, and on Gowalla 2 ranges made the scatter 13% faster than 8 (16 were 45% slower). Row r
     * of y starts at {@code yBase + r·dim}.
     */
    public void scatterAddRows(int[] rows, int[] sourceOrder, int count, float[] xRows, int dim, float[] y,
                               int yBase) {
        int[] bounds = adjacency.scatterRanges(workers.threads());
        int[] offsets = adjacency.rowOffsets(), sorted = adjacency.sortedColumns();
        float[] scale = adjacency.invSqrtDegree();
        workers.run(bounds.length - 1, t -> {
            int lo = bounds[t], hi = bounds[t + 1];
            for (int i = 0; i < count; i++) {
                int source = sourceOrder[i], r = rows[source], p0 = offsets[r], p1 = offsets[r + 1];
                if (p0 == p1 || sorted[p0] >= hi || sorted[p1 - 1] < lo) continue;
                int a = lowerBound(sorted, p0, p1, lo), b = lowerBound(sorted, a, p1, hi);
                if (a < b) kernels.scatterRow(sorted, scale, scale[r], a, b, xRows, source * dim, y, yBase, dim);
            }
        });
    }

    /** First position in sorted {@code a[from, to)} whose value is >= key. */
    private static int lowerBound(int[] a, int from, int to, int key) {
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (a[mid] < key) from = mid + 1;
            else to = mid;
        }
        return from;
    }
}
