package io.github.lightgcn.internal.sparse;

import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;

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
 * flat row-major {@code float[]} of {@code numNodes × dim}. The products live in {@link AdjacencyProducts}, on the
 * sparse kernels their caller passes in; this class is the immutable structure and the row ranges the workers
 * split it into.
 */
public final class NormalizedAdjacency {

    private final int numUsers;
    private final int numItems;
    private final NodeOrder order;
    private final int[] rowOffsets;   // numNodes + 1
    private final int[] columns;      // neighbour rows, in ascending node id within each row
    private final int[] sortedColumns; // the same, ascending within each row (the scatter's search); identity: columns
    private final float[] invSqrtDegree; // per row; non-zero (r, c) weighs invSqrtDegree[r] · invSqrtDegree[c]
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

    /** Per-node d^-1/2, 0 for isolated nodes (shared storage: do not modify). */
    public float[] invSqrtDegree() { return invSqrtDegree; }

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

    /** The columns again, ascending within each row: the scatter's search (the same array in the identity order). */
    int[] sortedColumns() { return sortedColumns; }

    /** Row ranges of equal non-zeros, one a thread: the scatter's output ranges; cached. */
    int[] scatterRanges(int threads) {
        int[] b = scatterBounds;
        if (b == null || b.length != threads + 1) scatterBounds = b = Workers.balancedRanges(rowOffsets, numNodes(), threads);
        return b;
    }
}
