package io.github.lightgcn.bench;

import io.github.lightgcn.internal.concurrent.Workers;
import org.openjdk.jmh.annotations.*;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cache structure behind {@link PropagationBenchmark}'s read bound, measured rather than assumed:
 * <ul>
 *   <li>{@link #read}: each thread streams its share of one layer's bytes (non-zeros × 64 floats on Gowalla,
 *       415 MB) from its own array of {@code footprintMiB}, so the throughput shows how much of the L3 one thread
 *       really has (the L3 is shared with other tenants of the host);</li>
 *   <li>{@link #roundTrip}: one value bounced between two threads, whose time says whether the two cores share a
 *       last-level cache (tens of ns) or not (hundreds).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseTransparentHugePages", "-Xms2g", "-Xmx2g"})
public class CacheBenchmark {

    /** One Gowalla layer's gathered bytes in floats: 1,620,256 non-zeros × 64. */
    static final long LAYER_FLOATS = 1_620_256L * 64;

    @State(Scope.Benchmark)
    public static class Footprint {
        @Param({"1", "2"})
        public int threads;
        @Param({"2", "9", "18", "36"})
        public int footprintMiB;

        Workers workers;
        float[][] arrays; // one a thread

        @Setup
        public void setup() {
            workers = new Workers(threads);
            int floats = footprintMiB << 18;
            arrays = new float[threads][floats];
            for (float[] a : arrays) for (int p = 0; p < a.length; p++) a[p] = p & 7;
        }

        @TearDown
        public void tearDown() { workers.close(); }
    }

    /** The layer's bytes read sequentially, each thread its share from its own array, wrapping around. */
    @Benchmark
    public float read(Footprint f) {
        float[] sums = new float[f.threads];
        f.workers.run(f.threads, t -> sums[t] = PropagationBenchmark.stream(f.arrays[t], 0, f.arrays[t].length,
                LAYER_FLOATS / f.threads));
        float s = 0;
        for (float v : sums) s += v;
        return s;
    }

    /** A partner thread that answers each odd value of {@link #flag} with the next even one. */
    @State(Scope.Benchmark)
    public static class PingPong {
        final AtomicInteger flag = new AtomicInteger();
        volatile boolean stop;
        Thread partner;

        @Setup
        public void setup() {
            partner = new Thread(() -> {
                while (!stop) {
                    int v = flag.get();
                    if ((v & 1) == 1) flag.set(v + 1);
                    else Thread.onSpinWait();
                }
            }, "ping-pong partner");
            partner.setDaemon(true);
            partner.start();
        }

        @TearDown
        public void tearDown() throws InterruptedException {
            stop = true;
            partner.join();
        }
    }

    /** One round trip of a cache line between this thread and the partner (both spin: one core each). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int roundTrip(PingPong p) {
        int sent = p.flag.get() + 1;
        p.flag.set(sent);
        while (p.flag.get() != sent + 1) Thread.onSpinWait();
        return sent;
    }
}
