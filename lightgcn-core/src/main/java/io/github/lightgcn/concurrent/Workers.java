package io.github.lightgcn.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * A fixed number of worker threads (a private {@link ForkJoinPool}) that run numbered tasks. With one thread
 * everything runs inline on the caller. Results never depend on the thread count as long as each task writes
 * only its own outputs, which is how every caller in this library uses it.
 */
public final class Workers implements AutoCloseable {

    private final int threads;
    private final ForkJoinPool pool;

    public Workers(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("lightgcn-worker-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    public int threads() { return threads; }

    /** Runs {@code body.accept(t)} for every t in [0, tasks) and waits for all of them. */
    public void run(int tasks, IntConsumer body) {
        if (pool == null || tasks <= 1) {
            for (int t = 0; t < tasks; t++) body.accept(t);
            return;
        }
        List<ForkJoinTask<?>> list = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            final int task = t;
            list.add(new RecursiveAction() {
                @Override
                protected void compute() { body.accept(task); }
            });
        }
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            ForkJoinTask.invokeAll(list);
        } else {
            pool.invoke(new RecursiveAction() {
                @Override
                protected void compute() { invokeAll(list); }
            });
        }
    }

    /**
     * Splits [0, n) into contiguous ranges of about equal weight, where {@code prefix[r]} is the cumulative weight
     * before row r (a CSR offsets array works), and returns the range boundaries (length parts + 1).
     */
    public static int[] balancedRanges(int[] prefix, int n, int parts) {
        parts = Math.max(1, Math.min(parts, Math.max(1, n)));
        int[] bounds = new int[parts + 1];
        long total = (long) prefix[n] - prefix[0] + n; // + n: every row costs a little even when empty
        int row = 0;
        for (int p = 1; p < parts; p++) {
            long target = total * p / parts;
            while (row < n && ((long) prefix[row] - prefix[0] + row) < target) row++;
            bounds[p] = row;
        }
        bounds[parts] = n;
        return bounds;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }
}
