package io.github.lightgcn.bench;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.TrainingListener;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.train.MemoryPlan;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Heap of Gowalla training: the live heap in the middle of training (after a full GC at the end of each epoch,
 * when every training table is live), the peak heap usage the JVM saw, and the budget of the issue (4 × (ego
 * embeddings + Adam state + graph)). Run it with {@code -Xmx} at that budget to show training fits in it:
 * {@code java --add-modules jdk.incubator.vector -Xmx300m -cp lightgcn-bench/target/benchmarks.jar
 * io.github.lightgcn.bench.HeapReport [epochs] [threads]}.
 */
public final class HeapReport {

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        InteractionGraph train = Datasets.gowalla().train();
        long nodes = train.numUsers() + (long) train.numItems(), dim = 64;
        long embeddings = nodes * dim * 4, adam = 2 * embeddings;
        long graph = MemoryPlan.graphBytes(train); // the library's own count, the one its memory check uses
        long budget = 4 * (embeddings + adam + graph);
        long[] liveMax = {0};
        LightGCNConfig config = LightGCNConfig.builder().epochs(epochs).build();
        new LightGCN(config).fit(train, null, FitOptions.builder().threads(threads).listener(new TrainingListener() {
            @Override
            public void onEpoch(EpochStats stats) {
                System.gc();
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                liveMax[0] = Math.max(liveMax[0], used);
                System.out.printf(Locale.ROOT, "epoch %d: %.2f s, live heap after GC %.1f MB%n", stats.epoch(),
                        stats.seconds(), used / 1e6);
            }
        }).build());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "embeddings %.1f MB + Adam state %.1f MB + graph %.1f MB = %.1f MB; "
                        + "4x budget %.1f MB%n", embeddings / 1e6, adam / 1e6, graph / 1e6,
                (embeddings + adam + graph) / 1e6, budget / 1e6);
        System.out.printf(Locale.ROOT, "live heap during training (max after GC) %.1f MB = %.2fx; "
                        + "sum of heap pools' peaks %.1f MB; max heap (-Xmx) %.1f MB%n", liveMax[0] / 1e6,
                (double) liveMax[0] / (embeddings + adam + graph), peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }
}
