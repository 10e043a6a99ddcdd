package io.github.lightgcn.internal.sparse;

import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;

import java.util.Arrays;

/**
 * The symmetric-normalised bipartite adjacency {@code Â = D^-1/2 A D^-1/2}, {@code A = [[0, R], [Rᵀ, 0]]}, as a
 * square CSR matrix over all nodes (users {@code 0..U-1}, items {@code U..U+I-1}), stored in a {@link NodeOrder}:
 * node n is row {@code order().position(n)}, and so are the rows of the embedding tables it multiplies. With the
 * identity order ({@link #of(InteractionGraph)}) users are rows {@code 0..U-1} and items rows {@code U..U+I-1}.
 * No self loops; an isolated node has an empty row (and a zero scale), so its propagated row is 0, never NaN.
 *
 * <p>Each row lists its neighbours in ascending node id whatever the order (their rows need not be ascending), so
 * a row is summed in the same order, with the same float operations, in every node order. Embedding tables are
 * flat row-major {@code float[]} of {@code numNodes × dim}. This class holds the scalar kernel
 * {@link #multiplyRows}; it is the oracle for the {@link Kernels} (SIMD) ones that {@link #multiply} and the partial
 * products use, which give its result bit for bit, whatever the thread count.
 */
public final class NormalizedAdjacency {

    private final int numUsers;
    private final int numItems;
    private final NodeOrder order;
    private final int[] rowOffsets;   // numNodes + 1
    private final int[] columns;      // neighbour rows, in ascending node id within each row
    private final int[] sortedColumns; // the same, ascending within each row (the scatter's search); identity: columns
    private final float[] invSqrtDegree; // per row; non-zero (r, c) weighs invSqrtDegree[r] · invSqrtDegree[c]
    private final Kernels kernels = VectorizationProvider.kernels();
    private volatile int[] cachedBounds; // row ranges of equal non-zeros, for the last part count asked
    private volatile int[] scatterBounds; // row ranges of scatterAddRows, one a thread

    private NormalizedAdjacency(int numUsers, int numItems, NodeOrder order, int[] rowOffsets, int[] columns,
                                float[] invSqrtDegree) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.order = order;
        this.rowOffsets = rowOffsets;
        this.columns = columns;
        this.invSqrtDegree = invSqrtDegree;
        if (order.isIdentity()) {
            this.sortedColumns = columns;
        } else {
            this.sortedColumns = columns.clone();
            for (int r = 0; r < numUsers + numItems; r++) {
                Arrays.sort(sortedColumns, rowOffsets[r], rowOffsets[r + 1]);
            }
        }
    }

    /** In the identity order: node n is row n. */
    public static NormalizedAdjacency of(InteractionGraph graph) {
        return of(graph, NodeOrder.identity(graph.numUsers() + graph.numItems()));
    }

    /** In {@code order}: node n is row {@code order.position(n)}. */
    public static NormalizedAdjacency of(InteractionGraph graph, NodeOrder order) {
        int users = graph.numUsers(), items = graph.numItems(), nodes = users + items;
        if (order.size() != nodes) {
            throw new IllegalArgumentException("the order has " + order.size() + " nodes, the graph " + nodes);
        }
        long nnzLong = 2L * graph.numEdges();
        if (nnzLong > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("graph too large: " + graph.numEdges() + " edges (at most "
                    + (Integer.MAX_VALUE / 2 - 4) + ")");
        }
        int nnz = (int) nnzLong;
        int[] offsets = new int[nodes + 1];
        int[] columns = new int[nnz];
        int[] position = order.positions();
        int[] uOff = GraphArrays.userOffsets(graph), uIdx = GraphArrays.userItems(graph);
        int[] iOff = GraphArrays.itemOffsets(graph), iIdx = GraphArrays.itemUsers(graph);
        int w = 0;
        for (int r = 0; r < nodes; r++) {
            int n = order.node(r);
            if (n < users) {
                for (int p = uOff[n]; p < uOff[n + 1]; p++) columns[w++] = position[users + uIdx[p]];
            } else {
                for (int p = iOff[n - users]; p < iOff[n - users + 1]; p++) columns[w++] = position[iIdx[p]];
            }
            offsets[r + 1] = w;
        }
        float[] scale = new float[nodes];
        for (int r = 0; r < nodes; r++) {
            int degree = offsets[r + 1] - offsets[r];
            scale[r] = degree == 0 ? 0f : (float) (1.0 / Math.sqrt(degree));
        }
        return new NormalizedAdjacency(users, items, order, offsets, columns, scale);
    }

    /** Where each node's row is. */
    public NodeOrder order() { return order; }

    public int numUsers() { return numUsers; }

    public int numItems() { return numItems; }

    public int numNodes() { return numUsers + numItems; }

    /** Stored non-zeros (each edge counted in both directions). */
    public int nonZeros() { return columns.length; }

    /** CSR row offsets (shared storage: do not modify). */
    public int[] rowOffsets() { return rowOffsets; }

    /** CSR column indices (shared storage: do not modify). */
    public int[] columns() { return columns; }

    /**
     * The weights d_r^-1/2 · d_c^-1/2 per non-zero, as a new array (for baselines and tests: the kernels compute
     * each weight from {@link #invSqrtDegree()} instead of storing them).
     */
    public float[] values() {
        float[] values = new float[columns.length];
        for (int r = 0; r < numNodes(); r++) {
            for (int p = rowOffsets[r]; p < rowOffsets[r + 1]; p++) values[p] = weight(r, p);
        }
        return values;
    }

    /** The weight of non-zero p of row r: the same float product the kernels compute. */
    private float weight(int r, int p) { return invSqrtDegree[r] * invSqrtDegree[columns[p]]; }

    /** Per-node d^-1/2, 0 for isolated nodes (shared storage: do not modify). */
    public float[] invSqrtDegree() { return invSqrtDegree; }

    /** {@code y = Â x} for all rows (SIMD kernel), rows split by non-zeros over the workers. */
    public void multiply(float[] x, float[] y, int dim, Workers workers) {
        multiply(x, 0, y, 0, dim, workers);
    }

    /** {@code y = Â x} for tables whose row r starts at {@code xBase + r·dim} and {@code yBase + r·dim}. */
    public void multiply(float[] x, int xBase, float[] y, int yBase, int dim, Workers workers) {
        int[] bounds = rowRanges(workers);
        workers.run(bounds.length - 1, t -> kernels.spmmRows(rowOffsets, columns, invSqrtDegree, x, xBase, dim,
                bounds[t], bounds[t + 1], y, yBase));
    }

    /**
     * Row ranges of about equal work for the workers (a few per thread so that a slow thread does not hold the
     * others back); cached. Length parts + 1.
     */
    public int[] rowRanges(Workers workers) {
        int parts = workers.threads() == 1 ? 1 : workers.threads() * 4;
        int[] b = cachedBounds;
        if (b == null || b.length != parts + 1) cachedBounds = b = Workers.balancedRanges(rowOffsets, numNodes(), parts);
        return b;
    }

    /**
     * {@code (Â x)} for the rows {@code rows[0..count)} only, row {@code rows[i]} written to {@code y[i·dim ..]};
     * row r of x starts at {@code xBase + r·dim}.
     */
    public void multiplyRowList(float[] x, int xBase, int dim, int[] rows, int count, float[] y, Workers workers) {
        int parts = workers.threads() == 1 ? 1 : workers.threads() * 4;
        int[] bounds = listRanges(rows, count, parts);
        workers.run(bounds.length - 1, t -> kernels.spmmRowList(rowOffsets, columns, invSqrtDegree, x, xBase, dim,
                rows, bounds[t], bounds[t + 1], y, bounds[t] * dim));
    }

    /** Splits a row list into ranges of about equal non-zeros (+ 1 a row: an empty row still costs a little). */
    private int[] listRanges(int[] rows, int count, int parts) {
        parts = Math.max(1, Math.min(parts, count));
        return Workers.weightedRanges(count, i -> rowOffsets[rows[i] + 1] - rowOffsets[rows[i]] + 1,
                new int[parts + 1]);
    }

    /**
     * {@code y += Â x} where x is zero except on the rows {@code rows[s]}, whose values are given compactly at
     * {@code xRows[s·dim ..]}, for s in [0, count); {@code sourceOrder[0..count)} lists those s in ascending node id.
     * Works as a scatter from those rows, so it costs their non-zeros only. Each output row receives its terms in
     * ascending source node id, i.e. the order of the gather in {@link #multiplyRows} with its zero terms left out;
     * starting from a zero {@code y} it gives that kernel's result (up to the sign of zero). Output rows are split
     * over the workers, each finding its own rows in each source's neighbours (kept sorted by row for this search),
     * so no two threads write the same row. One range a thread, not the few of {@link #rowRanges}: every range
     * searches every source's neighbours, and on Gowalla 2 ranges made the scatter 13% faster than 8 (16 were 45%
     * slower). Row r of y starts at {@code yBase + r·dim}.
     */
    public void scatterAddRows(int[] rows, int[] sourceOrder, int count, float[] xRows, int dim, float[] y, int yBase,
                               Workers workers) {
        int[] bounds = scatterRanges(workers.threads());
        workers.run(bounds.length - 1, t -> {
            int lo = bounds[t], hi = bounds[t + 1];
            for (int i = 0; i < count; i++) {
                int source = sourceOrder[i], r = rows[source], p0 = rowOffsets[r], p1 = rowOffsets[r + 1];
                if (p0 == p1 || sortedColumns[p0] >= hi || sortedColumns[p1 - 1] < lo) continue;
                int a = lowerBound(sortedColumns, p0, p1, lo), b = lowerBound(sortedColumns, a, p1, hi);
                if (a < b) {
                    kernels.scatterRow(sortedColumns, invSqrtDegree, invSqrtDegree[r], a, b, xRows, source * dim, y,
                            yBase, dim);
                }
            }
        });
    }

    private int[] scatterRanges(int threads) {
        int[] b = scatterBounds;
        if (b == null || b.length != threads + 1) scatterBounds = b = Workers.balancedRanges(rowOffsets, numNodes(), threads);
        return b;
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

    /**
     * Scalar kernel: {@code y[r] = Σ_p d_r^-1/2 d_c^-1/2 · x[c = columns[p]]} for rows r in [from, to). Each row is
     * summed in ascending neighbour node id, so the result does not depend on how rows are split among threads or
     * on the node order. The oracle of the SIMD kernels.
     */
    public void multiplyRows(float[] x, float[] y, int dim, int from, int to) {
        for (int r = from; r < to; r++) {
            int out = r * dim;
            for (int k = 0; k < dim; k++) y[out + k] = 0f;
            for (int p = rowOffsets[r]; p < rowOffsets[r + 1]; p++) {
                float v = weight(r, p);
                int in = columns[p] * dim;
                for (int k = 0; k < dim; k++) y[out + k] += v * x[in + k];
            }
        }
    }
}
