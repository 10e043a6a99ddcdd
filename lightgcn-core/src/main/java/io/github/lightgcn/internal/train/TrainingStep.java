package io.github.lightgcn.internal.train;

import io.github.lightgcn.Loss;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.AlignedRows;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.RowKernels;
import io.github.lightgcn.internal.simd.SparseKernels;
import io.github.lightgcn.internal.simd.VectorOps;
import io.github.lightgcn.internal.sparse.AdjacencyProducts;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;

import java.util.Arrays;

/**
 * One training step: the {@link BprObjective} loss of a batch and its gradient w.r.t. the ego embeddings, then an
 * {@link Adam} step, doing only the work that changes the result, and giving the numbers of the straightforward
 * step (every layer full, the gradient materialised, then Adam) bit for bit (up to the sign of zeros; tested):
 * <ul>
 *   <li>forward: layers 1..K−1 on the whole graph, but layer K and the layer mean only on the batch's rows (the
 *   loss reads nothing else);</li>
 *   <li>backward: the gradient of the final embeddings lives on the batch's rows only, so the first backward layer
 *   is a scatter from those rows (their non-zeros, not the graph's); layers 2..K are full;</li>
 *   <li>the last backward layer, the layer mean, the L2 term and Adam are fused row block by row block: the full
 *   gradient table is never written, and the first backward layer's table is cleared as it is consumed (no
 *   whole-table fill per step).</li>
 * </ul>
 * Every row is computed with the same float operations in the same order as the reference path, whatever the
 * thread count and the adjacency's {@link io.github.lightgcn.internal.sparse.NodeOrder}. Triples name nodes by id; the ego
 * table, Adam's moments and the scratch tables are in the adjacency's order (node n at row
 * {@code order().position(n)}). Runs on the kernels it is given; the result is the same bit for bit on any set.
 * Holds K + 1 scratch tables of {@code numNodes × dim} and per-batch buffers; not thread-safe.
 */
public final class TrainingStep {

    /** Offset of row 0 in the scratch tables: rows on cache-line boundaries. */
    private static final int BASE = AlignedRows.BASE;
    private static final int CHUNK_ROWS = 32; // rows of the fused last layer kept in L1 before Adam consumes them
    /**
     * Cost of a scattered non-zero relative to a gathered one (a read-modify-write of the output row, plus the
     * search for each output range), measured: when the batch's rows hold more than 1/this of the non-zeros (small,
     * dense graphs such as MAL), the first backward layer is a plain full gather instead.
     */
    private static final double SCATTER_COST = 2.5;

    private final NormalizedAdjacency adjacency;
    private final AdjacencyProducts products;
    private final SparseKernels sparse;
    private final RowKernels rowOps;
    private final Workers workers;
    private final int layers, dim, numUsers, numNodes;
    private final int[] position;    // table row of each node id
    private final float l2;
    private final float inv;
    private final float[][] layer;   // forward E1..E(K-1); reused backward as H2..H(K-1)
    private final float[] firstGrad; // backward H1 = Â G, all zero between steps
    private float[] denseGrad;       // G as a full table, zero off the batch (allocated when the dense route is used)
    private long batchNonZeros;      // non-zeros of the batch's rows
    private final int[] stamp;       // stamp[node] == currentStamp: the node is in the batch
    private final int[] slot;        // compact row of a batch node
    private final long[] rowBits, idBits; // the batch's rows and node ids, cleared as they are read
    private int currentStamp;
    private final int[] bounds;      // row ranges of the workers
    private int[] slotBounds = new int[0]; // slot ranges of the workers for the gradient of the final rows
    /** Per range t: CHUNK_ROWS rows of the fused pass, then one row of scratch, from row t·(CHUNK_ROWS + 1). */
    private final float[] chunks;
    private final BatchObjective objective; // null: BPR, this class's own fused code

    // per-batch buffers, grown to the largest batch seen
    private int[] nodes = new int[0];       // rows of the batch's nodes, ascending: slot s is row nodes[s]
    private int[] scatterOrder = new int[0]; // the slots in ascending node id
    private int[] occurrences = new int[0]; // times each batch node appears in the batch
    private float[] lastLayer = new float[0], finals = new float[0], finalGrad = new float[0];
    private int[] su = new int[0], si = new int[0], sj = new int[0];
    private double[] softplus = new double[0], squaredNorms = new double[0];
    private double[] rowNorms = new double[0]; // ‖e⁰‖² of each batch node, by slot
    private float[] scale = new float[0];

    /** A step of BPR ({@link Loss.Bpr}: the triples carry one negative each). */
    public TrainingStep(NormalizedAdjacency adjacency, int layers, int dim, float l2, Workers workers,
                        Kernels kernels) {
        this(adjacency, layers, dim, l2, workers, kernels, Loss.paper());
    }

    /**
     * A step of {@code loss}. For BPR the triples carry one negative each (several negatives per positive are
     * consecutive triples); for the others they carry {@link #negativesPerPositive()} negatives per positive.
     */
    public TrainingStep(NormalizedAdjacency adjacency, int layers, int dim, float l2, Workers workers,
                        Kernels kernels, Loss loss) {
        if (layers < 0) throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        this.adjacency = adjacency;
        this.products = new AdjacencyProducts(adjacency, kernels.sparse(), workers);
        this.sparse = kernels.sparse();
        this.rowOps = kernels.rows();
        this.workers = workers;
        this.layers = layers;
        this.dim = dim;
        this.l2 = l2;
        this.inv = 1f / (layers + 1);
        this.numUsers = adjacency.numUsers();
        this.numNodes = adjacency.numNodes();
        this.position = adjacency.order().positions();
        this.layer = new float[Math.max(0, layers - 1)][];
        for (int k = 0; k < layer.length; k++) layer[k] = AlignedRows.allocate(numNodes, dim);
        this.firstGrad = layers >= 1 ? AlignedRows.allocate(numNodes, dim) : null;
        this.stamp = new int[numNodes];
        this.slot = new int[numNodes];
        this.rowBits = new long[(numNodes + 63) >>> 6];
        this.idBits = new long[(numNodes + 63) >>> 6];
        this.bounds = adjacency.rowRanges(workers);
        int ranges = bounds.length - 1;
        this.chunks = AlignedRows.pinned((long) ranges * (CHUNK_ROWS + 1), dim);
        this.objective = BatchObjective.of(loss, adjacency, workers, rowOps);
    }

    /** Negatives per positive the batches of this step's loss carry (BPR: 1 per triple; DirectAU: 0). */
    public int negativesPerPositive() { return objective == null ? 1 : objective.negativesPerBatchPositive(); }

    /**
     * Computes the loss of {@code triples[from, to)} at {@code ego}, and updates {@code ego} by one step of
     * {@code adam} (which must be sized for {@code ego}) with its gradient.
     */
    public BprObjective.Loss step(float[] ego, Adam adam, Triples triples, int from, int to) {
        return step(ego, 0, adam, triples, from, to);
    }

    /**
     * The same for an ego table whose row r starts at {@code egoBase + r·dim}, e.g. an {@link AlignedRows} table
     * (the first forward layer gathers from it); Adam's moments use the same positions.
     */
    public BprObjective.Loss step(float[] ego, int egoBase, Adam adam, Triples triples, int from, int to) {
        int batch = to - from;
        collectBatchNodes(triples, from, to);
        int count = countNodes;
        denseRoute = layers >= 1 && !lastFirstLayerWasScatter();
        if (denseRoute && denseGrad == null) denseGrad = AlignedRows.allocate(numNodes, dim);
        forward(ego, egoBase, count);
        BprObjective.Loss loss = objective == null ? bpr(ego, egoBase, batch, count) : objectiveLoss(batch, count);
        backwardAndUpdate(ego, egoBase, adam, count, l2 * (1f / batch));
        return loss;
    }

    private int countNodes, distinctUsers;
    private boolean denseRoute; // this step's first backward layer is a full gather from denseGrad

    /**
     * The rows of the batch's distinct nodes in ascending row (table) order, so that the row list of layer K and the
     * passes over the batch's rows walk the tables forward; their compact slots and occurrence counts; and the
     * slots in ascending node id, the scatter's order (which makes each output row's sum the gather's). Both orders
     * come from bitmaps, without sorting.
     */
    private void collectBatchNodes(Triples t, int from, int to) {
        int batch = to - from, per = t.negativesPerPositive();
        ensureBatchCapacity(batch, per);
        if (++currentStamp == 0) { // wrapped after 2^32 steps: forget every old stamp
            Arrays.fill(stamp, 0);
            currentStamp = 1;
        }
        int cur = currentStamp, count = 0;
        int[] us = t.users(), is = t.positives(), js = t.negatives();
        for (int b = from; b < to; b++) count += mark(us[b], cur) + mark(numUsers + is[b], cur);
        for (int b = from * per; b < to * per; b++) count += mark(numUsers + js[b], cur);
        if (objective != null && objective.needsEveryItem()) {
            for (int id = numUsers; id < numNodes; id++) count += mark(id, cur);
        }
        int[] offsets = adjacency.rowOffsets();
        long nonZeros = 0;
        int s = 0;
        for (int w = 0; w < rowBits.length; w++) { // rows ascending: slots
            for (long bits = rowBits[w]; bits != 0; bits &= bits - 1) {
                int row = (w << 6) + Long.numberOfTrailingZeros(bits);
                nodes[s] = row;
                slot[row] = s;
                occurrences[s++] = 0;
                nonZeros += offsets[row + 1] - offsets[row];
            }
            rowBits[w] = 0;
        }
        int k = 0, users = 0;
        for (int w = 0; w < idBits.length; w++) { // node ids ascending: the scatter's order
            for (long bits = idBits[w]; bits != 0; bits &= bits - 1) {
                int id = (w << 6) + Long.numberOfTrailingZeros(bits);
                scatterOrder[k++] = slot[position[id]];
                if (id < numUsers) users++;
            }
            idBits[w] = 0;
        }
        distinctUsers = users;
        batchNonZeros = nonZeros;
        for (int b = from; b < to; b++) {
            int q = b - from;
            su[q] = slot[position[us[b]]];
            si[q] = slot[position[numUsers + is[b]]];
            occurrences[su[q]]++;
            occurrences[si[q]]++;
            for (int n = 0; n < per; n++) {
                sj[q * per + n] = slot[position[numUsers + js[b * per + n]]];
                if (objective == null) occurrences[sj[q * per + n]]++; // only BPR regularises its negatives
            }
        }
        countNodes = count;
    }

    /** Stamps node {@code id}'s row and sets its bits; 1 when it is new to this batch, else 0. */
    private int mark(int id, int cur) {
        int row = position[id];
        if (stamp[row] == cur) return 0;
        stamp[row] = cur;
        rowBits[row >>> 6] |= 1L << row;
        idBits[id >>> 6] |= 1L << id;
        return 1;
    }

    private void ensureBatchCapacity(int batch, int per) {
        if (su.length >= batch && sj.length >= batch * per) return;
        int rows = objective != null && objective.needsEveryItem() ? numNodes : (int) Math.min(numNodes, (2L + per) * batch);
        nodes = new int[rows];
        scatterOrder = new int[rows];
        occurrences = new int[rows];
        rowNorms = new double[rows];
        lastLayer = new float[rows * dim];
        finals = new float[rows * dim];
        finalGrad = new float[rows * dim];
        su = new int[batch];
        si = new int[batch];
        sj = new int[batch * per];
        softplus = new double[batch];
        squaredNorms = new double[batch];
        scale = new float[batch];
    }

    /**
     * Final (layer-mean) embeddings of the batch's nodes into {@code finals}, compact, and the squared norms of
     * their ego rows, each in double in index order ({@link VectorOps#squaredNorm}), once per node.
     */
    private void forward(float[] ego, int egoBase, int count) {
        for (int k = 1; k < layers; k++) {
            products.multiply(k == 1 ? ego : layer[k - 2], k == 1 ? egoBase : BASE, layer[k - 1], BASE, dim);
        }
        if (layers >= 1) {
            products.multiplyRowList(layers == 1 ? ego : layer[layers - 2], layers == 1 ? egoBase : BASE, dim, nodes,
                    count, lastLayer);
        }
        int parts = Math.min(workers.threads(), Math.max(1, count / 256));
        workers.run(parts, t -> {
            int s0 = (int) ((long) count * t / parts), s1 = (int) ((long) count * (t + 1) / parts);
            for (int s = s0; s < s1; s++) {
                int n = nodes[s] * dim, f = s * dim;
                // ((E0 + E1) + E2) + ... + EK, then · 1/(K+1): the reference's order
                if (layers == 0) {
                    System.arraycopy(ego, egoBase + n, finals, f, dim);
                } else {
                    rowOps.add(ego, egoBase + n, layers == 1 ? lastLayer : layer[0], layers == 1 ? f : BASE + n, finals, f, dim);
                    for (int k = 2; k < layers; k++) rowOps.addTo(layer[k - 1], BASE + n, finals, f, dim);
                    if (layers >= 2) rowOps.addTo(lastLayer, f, finals, f, dim);
                }
                rowOps.scale(inv, finals, f, dim);
                rowNorms[s] = VectorOps.squaredNorm(ego, egoBase + n, dim);
            }
        });
    }

    /** BPR loss and its gradient w.r.t. the batch's final rows ({@code finalGrad}, compact). */
    private BprObjective.Loss bpr(float[] ego, int egoBase, int batch, int count) {
        float invBatch = 1f / batch;
        // per triple, independent: scores, loss terms, gradient scales, norms (parallel)
        int parts = Math.min(workers.threads(), Math.max(1, batch / 128));
        workers.run(parts, task -> {
            int q0 = (int) ((long) batch * task / parts), q1 = (int) ((long) batch * (task + 1) / parts);
            for (int q = q0; q < q1; q++) {
                float x = scoreDifference(finals, su[q] * dim, si[q] * dim, sj[q] * dim, dim);
                squaredNorms[q] = rowNorms[su[q]] + rowNorms[si[q]] + rowNorms[sj[q]]; // (‖e_u‖² + ‖e_i‖²) + ‖e_j‖²
                softplus[q] = BprObjective.softplus(x);
                scale[q] = BprObjective.sigmoid(x) * invBatch;
            }
        });
        // the gradient: each worker owns a range of rows and applies their updates in triple order (a row's updates
        // in the reference's order: G[u] += g(f[j] − f[i]), G[i] −= g f[u], G[j] += g f[u]); for the dense route it
        // then copies its finished rows into the full table, while they are in its cache
        int[] ranges = slotRanges(count, parts);
        workers.run(parts, task -> {
            int lo = ranges[task], hi = ranges[task + 1];
            rowOps.zero(finalGrad, lo * dim, (hi - lo) * dim);
            for (int q = 0; q < batch; q++) {
                int u = su[q], i = si[q], j = sj[q];
                float g = scale[q];
                if (u >= lo && u < hi) {
                    rowOps.addScaledDifference(g, finals, j * dim, i * dim, finalGrad, u * dim, dim);
                }
                if (i >= lo && i < hi) rowOps.axpy(-g, finals, u * dim, finalGrad, i * dim, dim);
                if (j >= lo && j < hi) rowOps.axpy(g, finals, u * dim, finalGrad, j * dim, dim);
            }
            if (denseRoute) {
                for (int s = lo; s < hi; s++) System.arraycopy(finalGrad, s * dim, denseGrad, BASE + nodes[s] * dim, dim);
            }
        });
        double bprSum = 0, norms = 0;
        for (int q = 0; q < batch; q++) {
            bprSum += softplus[q];
            norms += squaredNorms[q];
        }
        return new BprObjective.Loss(bprSum / batch, l2 * 0.5 * norms / batch);
    }

    /**
     * Another loss's value and gradient ({@link BatchObjective}), the rows copied into the dense route's table, and
     * L2 on the ego rows of each positive's user and item.
     */
    private BprObjective.Loss objectiveLoss(int batch, int count) {
        int per = objective.negativesPerBatchPositive();
        var view = new BatchObjective.Batch(finals, dim, count, batch, su, si, sj, per, scatterOrder, distinctUsers,
                nodes);
        double value = objective.lossAndGradient(view, finalGrad);
        if (denseRoute) { // a copy, cheap next to the loss
            for (int s = 0; s < count; s++) System.arraycopy(finalGrad, s * dim, denseGrad, BASE + nodes[s] * dim, dim);
        }
        double norms = 0;
        for (int q = 0; q < batch; q++) norms += rowNorms[su[q]] + rowNorms[si[q]];
        return new BprObjective.Loss(value, l2 * 0.5 * norms / batch);
    }

    /** Slot ranges [ranges[t], ranges[t+1]) with about equal numbers of gradient updates (occurrences). */
    private int[] slotRanges(int count, int parts) {
        if (slotBounds.length != parts + 1) slotBounds = new int[parts + 1];
        return Workers.weightedRanges(count, s -> occurrences[s], slotBounds);
    }

    /** Whether the last step's first backward layer was a scatter (else a full gather); for tests. */
    boolean lastFirstLayerWasScatter() { return batchNonZeros * SCATTER_COST < adjacency.nonZeros(); }

    /**
     * H1 = Â G into {@code firstGrad} (all zero before): a scatter from the batch's rows, or a full gather from
     * {@code denseGrad} (G's rows copied there by {@link #bpr}; the fused pass clears them again).
     */
    private void firstBackwardLayer(int count) {
        if (denseRoute) products.multiply(denseGrad, BASE, firstGrad, BASE, dim);
        else products.scatterAddRows(nodes, scatterOrder, count, finalGrad, dim, firstGrad, BASE);
    }

    /** {@code dot(f[u], f[j]) − dot(f[u], f[i])}, each dot summed in index order ({@link VectorOps#dot}), in one loop. */
    static float scoreDifference(float[] f, int u, int i, int j, int dim) {
        float sj = 0f, si = 0f;
        for (int k = 0; k < dim; k++) {
            float eu = f[u + k];
            sj += eu * f[j + k];
            si += eu * f[i + k];
        }
        return sj - si;
    }

    /** Gradient w.r.t. the ego embeddings, row block by row block, each block handed to Adam at once. */
    private void backwardAndUpdate(float[] ego, int egoBase, Adam adam, int count, float regScale) {
        if (layers >= 1) firstBackwardLayer(count);
        for (int k = 2; k < layers; k++) {
            products.multiply(k == 2 ? firstGrad : layer[k - 3], BASE, layer[k - 2], BASE, dim);
        }
        float[] lastInput = layers >= 2 ? (layers == 2 ? firstGrad : layer[layers - 3]) : null;
        adam.beginStep();
        int[] offsets = adjacency.rowOffsets(), columns = adjacency.columns();
        float[] scale = adjacency.invSqrtDegree();
        int cur = currentStamp;
        boolean clearAfter = layers == 2; // H1 is then the last layer's input: clear it only once all rows read it
        float[] dense = denseRoute ? denseGrad : null; // G's full table: cleared row by row, off the batch it is zero
        workers.run(bounds.length - 1, t -> {
            float[] buf = chunks; // this range's rows of the pinned table (on cache lines): its chunk, then a scratch row
            int chunk0 = BASE + t * (CHUNK_ROWS + 1) * dim, row = chunk0 + CHUNK_ROWS * dim;
            for (int r0 = bounds[t]; r0 < bounds[t + 1]; r0 += CHUNK_ROWS) {
                int r1 = Math.min(bounds[t + 1], r0 + CHUNK_ROWS);
                if (lastInput != null) sparse.spmmRows(offsets, columns, scale, lastInput, BASE, dim, r0, r1, buf, chunk0 - r0 * dim);
                for (int r = r0; r < r1; r++) {
                    int n = r * dim, c = chunk0 + (r - r0) * dim;
                    boolean inBatch = stamp[r] == cur;
                    int s = inBatch ? slot[r] * dim : -1;
                    // (((G + H1) + H2) + ... + HK) · 1/(K+1), where G is zero off the batch
                    if (layers == 0) {
                        if (inBatch) System.arraycopy(finalGrad, s, buf, c, dim);
                        else rowOps.zero(buf, c, dim);
                    } else {
                        if (inBatch) rowOps.add(finalGrad, s, firstGrad, BASE + n, buf, row, dim);
                        else System.arraycopy(firstGrad, BASE + n, buf, row, dim);
                        if (inBatch && dense != null) rowOps.zero(dense, BASE + n, dim);
                        if (!clearAfter) rowOps.zero(firstGrad, BASE + n, dim); // consumed: H1 zero for the next scatter
                        for (int k = 2; k < layers; k++) rowOps.addTo(layer[k - 2], BASE + n, buf, row, dim);
                        if (layers >= 2) rowOps.addTo(buf, row, buf, c, dim);
                        else System.arraycopy(buf, row, buf, c, dim);
                    }
                    rowOps.scale(inv, buf, c, dim);
                    if (inBatch && regScale != 0f) { // L2: once per occurrence in the batch, as the reference does
                        for (int o = occurrences[slot[r]]; o > 0; o--) rowOps.axpy(regScale, ego, egoBase + n, buf, c, dim);
                    }
                }
                adam.updateRange(ego, egoBase + r0 * dim, egoBase + r1 * dim, buf, chunk0);
            }
        });
        if (clearAfter) {
            workers.run(bounds.length - 1, t -> rowOps.zero(firstGrad, BASE + bounds[t] * dim, (bounds[t + 1] - bounds[t]) * dim));
        }
    }
}
