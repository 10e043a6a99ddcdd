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
    private final ReusableTasks reusable = new ReusableTasks();
    private final java.util.concurrent.atomic.AtomicBoolean reusableInUse = new java.util.concurrent.atomic.AtomicBoolean();

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
        boolean nested = ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool;
        if (nested || !reusableInUse.compareAndSet(false, true)) { // rare: tasks of their own
            runWithNewTasks(tasks, body, nested);
            return;
        }
        try {
            reusable.run(tasks, body);
        } finally {
            reusableInUse.set(false);
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
     * The task objects of one top-level {@link #run} at a time, reused from call to call so that a training step
     * (ten or so runs) allocates nothing here.
     */
    private final class ReusableTasks extends RecursiveAction {
        private Part[] parts = new Part[0];
        private int count;
        private IntConsumer body;

        void run(int tasks, IntConsumer body) {
            if (parts.length < tasks) {
                Part[] grown = java.util.Arrays.copyOf(parts, tasks);
                for (int t = parts.length; t < tasks; t++) grown[t] = new Part(t);
                parts = grown;
            }
            this.count = tasks;
            this.body = body;
            try {
                reinitialize();
                pool.invoke(this);
            } finally {
                this.body = null; // do not keep the caller's buffers reachable
            }
        }

        @Override
        protected void compute() {
            for (int t = count - 1; t >= 1; t--) {
                parts[t].reinitialize();
                parts[t].fork();
            }
            Throwable failure = null;
            try {
                body.accept(0);
            } catch (Throwable e) {
                failure = e;
            }
            for (int t = 1; t < count; t++) { // every part is joined, even after a failure, before they are reused
                try {
                    parts[t].join();
                } catch (Throwable e) {
                    if (failure == null) failure = e;
                }
            }
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
        }

        private final class Part extends RecursiveAction {
            private final int index;

            Part(int index) { this.index = index; }

            @Override
            protected void compute() { body.accept(index); }
        }
    }

    /**
     * Splits [0, n) into {@code bounds.length - 1} contiguous ranges of about equal total {@code weight(i)} and
     * writes their boundaries into {@code bounds} (which it returns). For weights known item by item, e.g. the
     * non-zeros of listed rows; {@link #balancedRanges} is the same split from a prefix array.
     */
    public static int[] weightedRanges(int n, java.util.function.IntUnaryOperator weight, int[] bounds) {
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
