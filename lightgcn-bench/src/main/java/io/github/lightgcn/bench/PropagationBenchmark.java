package io.github.lightgcn.bench;

import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.simd.Kernels;
import io.github.lightgcn.internal.simd.VectorizationProvider;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.CommonOps_MT_DSCC;
import org.openjdk.jmh.annotations.*;
import pabeles.concurrency.GrowArray;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One propagation layer {@code Y = Â X} on Gowalla (70,839 nodes, 1.62M non-zeros, d 64): the SIMD kernel, its
 * scalar twin, the pattern-only form, EJML's sparse × dense as the baseline, and in the same run the
 * memory-bandwidth reference: a sequential SIMD read of the bytes one layer gathers (non-zeros × d × 4 B) from an
 * array of the embedding table's size (cache-resident case) and from a 1 GiB array (DRAM case).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms3g", "-Xmx3g"})
public class PropagationBenchmark {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int DIM = 64;

    @Param({"2"})
    public int threads;

    NormalizedAdjacency adj, adjBreadthFirst, adjCommunities; // node-id order; breadth-first; LightGCN's training order
    Workers workers;
    int[] bounds, boundsBreadthFirst, boundsCommunities;
    float[] x, y, scaled, xAligned, yAligned, values, xAlignedScaledCommunities;
    Kernels simd, scalar;
    long layerBytes;
    float[] tableSized, oneGiB;
    DMatrixSparseCSC ejmlA;
    DMatrixRMaj ejmlX, ejmlY;
    GrowArray<DGrowArray> ejmlWork = new GrowArray<>(DGrowArray::new);

    @Setup
    public void setup() {
        var train = Datasets.gowalla().train();
        adj = NormalizedAdjacency.of(train);
        adjBreadthFirst = NormalizedAdjacency.of(train, BreadthFirstOrder.of(train));
        workers = new Workers(threads);
        bounds = adj.rowRanges(workers);
        boundsBreadthFirst = adjBreadthFirst.rowRanges(workers);
        adjCommunities = NormalizedAdjacency.of(train, NodeOrder.communities(train));
        boundsCommunities = adjCommunities.rowRanges(workers);
        int n = adj.numNodes();
        x = new float[n * DIM];
        y = new float[n * DIM];
        scaled = new float[n * DIM];
        Random r = new Random(1);
        for (int p = 0; p < x.length; p++) x[p] = (float) r.nextGaussian();
        xAligned = new float[12 + x.length];
        yAligned = new float[12 + x.length];
        System.arraycopy(x, 0, xAligned, 12, x.length);
        float[] sc = adjCommunities.invSqrtDegree();
        xAlignedScaledCommunities = new float[xAligned.length];
        for (int p = 0; p < x.length; p++) xAlignedScaledCommunities[12 + p] = sc[p / DIM] * x[p];
        simd = VectorizationProvider.kernels();
        scalar = Kernels.SCALAR;
        layerBytes = (long) adj.nonZeros() * DIM * Float.BYTES;
        tableSized = new float[n * DIM];
        oneGiB = new float[1 << 28];
        for (int p = 0; p < tableSized.length; p++) tableSized[p] = p & 7;
        for (int p = 0; p < oneGiB.length; p++) oneGiB[p] = p & 7;

        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, adj.nonZeros());
        int[] off = adj.rowOffsets(), col = adj.columns();
        float[] val = values = PatternOnlyKernels.storedValues(adj);
        for (int row = 0; row < n; row++) for (int p = off[row]; p < off[row + 1]; p++) t.addItem(row, col[p], val[p]);
        ejmlA = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        ejmlX = new DMatrixRMaj(n, DIM);
        for (int p = 0; p < x.length; p++) ejmlX.data[p] = x[p];
        ejmlY = new DMatrixRMaj(n, DIM);
        EjmlConcurrency.setMaxThreads(threads);
    }

    @TearDown
    public void tearDown() { workers.close(); }

    /**
     * The library's layer: each weight computed from the degree scales, 4 × 512-bit accumulators per row, rows
     * split by non-zeros.
     */
    @Benchmark
    public float[] layerSimd() {
        workers.run(bounds.length - 1, t -> simd.sparse().spmmRows(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(),
                x, 0, DIM, bounds[t], bounds[t + 1], y, 0));
        return y;
    }

    /** The same layer in the community order LightGCN trains in (aligned rows, as in training). */
    @Benchmark
    public float[] layerSimdCommunities() {
        return alignedLayer(adjCommunities, boundsCommunities);
    }

    /** The same layer in the breadth-first node order LightGCN trained in before the community order. */
    @Benchmark
    public float[] layerSimdBreadthFirst() {
        return alignedLayer(adjBreadthFirst, boundsBreadthFirst);
    }

    private float[] alignedLayer(NormalizedAdjacency a, int[] b) {
        workers.run(b.length - 1, t -> simd.sparse().spmmRows(a.rowOffsets(), a.columns(), a.invSqrtDegree(), xAligned,
                12, DIM, b[t], b[t + 1], yAligned, 12));
        return yAligned;
    }

    /**
     * The stored-values form the library used before, on the same aligned tables as {@link #layerSimdAlignedRows}:
     * the same sums, each weight read from a values array instead of computed from the degree scales.
     */
    @Benchmark
    public float[] layerSimdStoredValues() {
        workers.run(bounds.length - 1, t -> {
            int[] off = adj.rowOffsets(), col = adj.columns();
            int l = S.length();
            for (int r = bounds[t]; r < bounds[t + 1]; r++) {
                FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
                for (int p = off[r]; p < off[r + 1]; p++) {
                    float v = values[p];
                    int in = 12 + col[p] * DIM;
                    a0 = a0.add(FloatVector.fromArray(S, xAligned, in).mul(v));
                    a1 = a1.add(FloatVector.fromArray(S, xAligned, in + l).mul(v));
                    a2 = a2.add(FloatVector.fromArray(S, xAligned, in + 2 * l).mul(v));
                    a3 = a3.add(FloatVector.fromArray(S, xAligned, in + 3 * l).mul(v));
                }
                int out = 12 + r * DIM;
                a0.intoArray(yAligned, out);
                a1.intoArray(yAligned, out + l);
                a2.intoArray(yAligned, out + 2 * l);
                a3.intoArray(yAligned, out + 3 * l);
            }
        });
        return yAligned;
    }

    /**
     * The same kernel on tables whose rows start 12 floats in (64-byte aligned rows in a large array, as the
     * training step's scratch tables are).
     */
    @Benchmark
    public float[] layerSimdAlignedRows() {
        workers.run(bounds.length - 1, t -> simd.sparse().spmmRows(adj.rowOffsets(), adj.columns(), adj.invSqrtDegree(),
                xAligned, 12, DIM, bounds[t], bounds[t + 1], yAligned, 12));
        return yAligned;
    }

    /** The scalar twin, same split. */
    @Benchmark
    public float[] layerScalar() {
        workers.run(bounds.length - 1, t -> scalar.sparse().spmmRows(adj.rowOffsets(), adj.columns(),
                adj.invSqrtDegree(), x, 0, DIM, bounds[t], bounds[t + 1], y, 0));
        return y;
    }

    /** Pattern-only form with its pre-scaling pass: {@code D^-1/2 A (D^-1/2 X)}. */
    @Benchmark
    public float[] layerPatternOnly() {
        float[] s = adj.invSqrtDegree();
        workers.run(bounds.length - 1, t -> {
            for (int r = bounds[t]; r < bounds[t + 1]; r++) {
                System.arraycopy(x, r * DIM, scaled, r * DIM, DIM);
                simd.rows().scale(s[r], scaled, r * DIM, DIM);
            }
        });
        workers.run(bounds.length - 1, t -> PatternOnlyKernels.spmmPatternRows(adj.rowOffsets(), adj.columns(), s,
                scaled, 0, DIM, bounds[t], bounds[t + 1], y, 0));
        return y;
    }

    /** Pattern-only gather-sum alone (input already scaled, as when the scaling is fused into the previous layer). */
    @Benchmark
    public float[] layerPatternOnlyPrescaled() {
        float[] s = adj.invSqrtDegree();
        workers.run(bounds.length - 1, t -> PatternOnlyKernels.spmmPatternRows(adj.rowOffsets(), adj.columns(), s, x,
                0, DIM, bounds[t], bounds[t + 1], y, 0));
        return y;
    }

    /**
     * The pattern-only form in the community order on aligned rows, input already scaled (as when the scaling is
     * fused into the previous layer): the one to compare with {@link #layerSimdCommunities}, like for like. Not
     * reliably faster here (a little faster in noisy rounds, slower in a quiet run) and it rounds differently, so
     * the library does not use it (BENCHMARKS.md, Notes).
     */
    @Benchmark
    public float[] layerPatternOnlyCommunities() {
        NormalizedAdjacency a = adjCommunities;
        int[] b = boundsCommunities;
        workers.run(b.length - 1, t -> PatternOnlyKernels.spmmPatternRows(a.rowOffsets(), a.columns(),
                a.invSqrtDegree(), xAlignedScaledCommunities, 12, DIM, b[t], b[t + 1], yAligned, 12));
        return yAligned;
    }

    /** EJML sparse (CSC, double) × dense (row-major, double), single thread. */
    @Benchmark
    public DMatrixRMaj layerEjml() {
        CommonOps_DSCC.mult(ejmlA, ejmlX, ejmlY);
        return ejmlY;
    }

    /** EJML's concurrent twin (its own thread pool). */
    @Benchmark
    public DMatrixRMaj layerEjmlConcurrent() {
        CommonOps_MT_DSCC.mult(ejmlA, ejmlX, ejmlY, ejmlWork);
        return ejmlY;
    }

    /** Bandwidth bound, cache-resident case: read layerBytes sequentially from a table-sized array. */
    @Benchmark
    public float readTableSized() { return read(tableSized); }

    /**
     * Not a bound, a diagnostic: the same bytes from the table-sized array, each thread wrapping around the whole
     * array instead of its half, so each core's cache must hold the whole table, as in a layer, where every thread
     * gathers from every part of the table. Where the two cores have separate L3s, this is slower than
     * {@link #readTableSized}.
     */
    @Benchmark
    public float readTableSizedEachThreadWhole() { return read(tableSized, false); }

    /** Bandwidth bound, DRAM case: read layerBytes sequentially from a 1 GiB array. */
    @Benchmark
    public float read1GiB() { return read(oneGiB); }

    private float read(float[] a) { return read(a, true); }

    /** Each thread streams its share of layerBytes, wrapping around its own part of the array or the whole of it. */
    private float read(float[] a, boolean ownPart) {
        float[] sums = new float[threads];
        long perThread = layerBytes / Float.BYTES / threads;
        int parts = ownPart ? threads : 1;
        workers.run(threads, t -> {
            int part = ownPart ? t : 0;
            int from = (int) ((long) a.length * part / parts) / 64 * 64;
            int to = (int) ((long) a.length * (part + 1) / parts) / 64 * 64;
            sums[t] = stream(a, from, to, perThread);
        });
        float s = 0;
        for (float v : sums) s += v;
        return s;
    }

    /** Sums {@code floats} floats of a[from, to) in order, wrapping around; to − from a multiple of 64. */
    static float stream(float[] a, int from, int to, long floats) {
        int l = S.length();
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        long done = 0;
        while (done < floats) {
            int end = (int) Math.min(to, from + (floats - done)) / (4 * l) * (4 * l);
            for (int i = from; i < end; i += 4 * l) {
                s0 = s0.add(FloatVector.fromArray(S, a, i));
                s1 = s1.add(FloatVector.fromArray(S, a, i + l));
                s2 = s2.add(FloatVector.fromArray(S, a, i + 2 * l));
                s3 = s3.add(FloatVector.fromArray(S, a, i + 3 * l));
            }
            done += Math.max(4 * l, end - from);
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD);
    }
}
