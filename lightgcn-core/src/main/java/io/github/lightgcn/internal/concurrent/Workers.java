package io.github.lightgcn.internal.concurrent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * A fixed number of threads that run numbered tasks: the caller and {@code threads − 1} helpers of a private
 * {@link ForkJoinPool}. With one thread everything runs inline on the caller. Results never depend on the thread
 * count as long as each task writes only its own outputs, which is how every caller in this library uses it.
 * <p>
 * A training step runs ten or so short parallel regions (well under a millisecond each on small graphs), so the
 * cost of one region matters: the caller claims tasks itself instead of waiting for the pool to wake up, and a
 * helper that finds no task left spins briefly for the next region before it parks. An empty region costs a few
 * microseconds instead of about 20 with {@code pool.invoke} (measured on this 2-core machine).
 */
public final class Workers implements AutoCloseable {

    /** How long a helper spins for another region before its thread parks; how long the caller spins before yielding. */
    private static final long SPIN_NANOS = 50_000;
    /** How long the caller yields before it waits in naps of {@link #NAP_NANOS}. */
    private static final long YIELD_NANOS = 10_000_000, NAP_NANOS = 20_000;

    private final int threads;
    private final ForkJoinPool pool;
    private final AtomicBoolean regionInUse = new AtomicBoolean();
    /** The current top-level region; helpers claim its tasks. */
    private volatile Region current;
    /** Helpers running or spinning: a new region submits helper tasks only for the missing ones. */
    private final AtomicInteger activeHelpers = new AtomicInteger();
    private final Runnable helper = this::help;

    public Workers(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads - 1, p -> {
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
        boolean nested = ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool;
        if (nested || !regionInUse.compareAndSet(false, true)) { // rare: tasks of their own
            runWithNewTasks(tasks, body, nested);
            return;
        }
        try {
            Region region = new Region(tasks, body);
            current = region;
            int missing = Math.min(threads - 1, tasks - 1) - activeHelpers.get();
            for (int h = 0; h < missing; h++) {
                activeHelpers.incrementAndGet();
                pool.execute(helper);
            }
            region.claimAll();
            region.awaitAll();
            region.rethrow();
        } finally {
            current = null; // do not keep the caller's buffers reachable
            regionInUse.set(false);
        }
    }

    /**
     * A helper's loop: claim the current region's tasks, then spin a little for the next region, then leave. On
     * leaving it checks once more for a region started meanwhile: {@link #run} publishes its region before it counts
     * the active helpers, and a helper stops counting itself before it looks, so no region is left without one.
     */
    private void help() {
        Region last = null;
        long idleSince = System.nanoTime();
        while (true) {
            Region r = current;
            if (r != null && r != last) {
                r.claimAll();
                last = r;
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                activeHelpers.decrementAndGet();
                r = current;
                if (r == null || r == last) return;
                activeHelpers.incrementAndGet(); // a region started as we left: help it after all
            }
        }
    }

    /**
     * One top-level run: its tasks, claimed one at a time by the caller and the helpers. A region is one small
     * object (its counters are fields updated through VarHandles), so that a training step allocates a few hundred
     * bytes here at most; a new object per run is what lets a late helper never mistake one run for the next.
     */
    private static final class Region {
        private static final VarHandle NEXT, UNFINISHED, FAILURE;
        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                NEXT = lookup.findVarHandle(Region.class, "next", int.class);
                UNFINISHED = lookup.findVarHandle(Region.class, "unfinished", int.class);
                FAILURE = lookup.findVarHandle(Region.class, "failure", Throwable.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final int tasks;
        private final IntConsumer body;
        private volatile int next, unfinished;
        private volatile Throwable failure; // the first task's failure

        Region(int tasks, IntConsumer body) {
            this.tasks = tasks;
            this.body = body;
            this.unfinished = tasks;
        }

        void claimAll() {
            for (int t; (t = (int) NEXT.getAndAdd(this, 1)) < tasks; ) {
                try {
                    body.accept(t);
                } catch (Throwable e) {
                    FAILURE.compareAndSet(this, null, e);
                } finally {
                    UNFINISHED.getAndAdd(this, -1);
                }
            }
        }

        /**
         * Waits until every claimed task has finished: spins, then yields (a helper may have lost its core), then
         * sleeps in short naps (more threads than cores: leave the cores to them).
         */
        void awaitAll() {
            long start = System.nanoTime();
            while (unfinished > 0) {
                long waited = System.nanoTime() - start;
                if (waited < SPIN_NANOS) Thread.onSpinWait();
                else if (waited < YIELD_NANOS) Thread.yield();
                else LockSupport.parkNanos(NAP_NANOS);
            }
        }

        void rethrow() {
            Throwable e = failure;
            if (e instanceof RuntimeException re) throw re;
            if (e instanceof Error er) throw er;
            if (e != null) throw new IllegalStateException(e);
        }
    }

    private void runWithNewTasks(int tasks, IntConsumer body, boolean nested) {
        List<ForkJoinTask<?>> list = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            final int task = t;
            list.add(new RecursiveAction() {
                @Override
                protected void compute() { body.accept(task); }
            });
        }
        if (nested) {
            ForkJoinTask.invokeAll(list);
        } else {
            pool.invoke(new RecursiveAction() {
                @Override
                protected void compute() { invokeAll(list); }
            });
        }
    }

    /**
     * Splits [0, n) into {@code bounds.length - 1} contiguous ranges of about equal total {@code weight(i)} and
     * writes their boundaries into {@code bounds} (which it returns). For weights known item by item, e.g. the
     * non-zeros of listed rows; {@link #balancedRanges} is the same split from a prefix array.
     */
    public static int[] weightedRanges(int n, IntUnaryOperator weight, int[] bounds) {
        int parts = bounds.length - 1;
        long total = 0, seen = 0;
        for (int i = 0; i < n; i++) total += weight.applyAsInt(i);
        int i = 0;
        bounds[0] = 0;
        for (int p = 1; p < parts; p++) {
            long target = total * p / parts;
            while (i < n && seen < target) seen += weight.applyAsInt(i++);
            bounds[p] = i;
        }
        bounds[parts] = n;
        return bounds;
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
