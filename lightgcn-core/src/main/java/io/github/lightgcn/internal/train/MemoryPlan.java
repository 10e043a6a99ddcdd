package io.github.lightgcn.internal.train;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.InsufficientMemoryException;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.graph.InteractionGraph;

import java.util.function.Supplier;

/**
 * The heap a fit needs, counted before anything large is allocated, so that a run too big for the heap fails at
 * once with the {@code -Xmx} to use instead of running out of memory an hour in.
 */
public final class MemoryPlan {

    private MemoryPlan() {}

    /**
     * An estimate of the heap a fit needs, in bytes: the embedding-sized tables (ego, Adam's two moments, final
     * embeddings, two propagation buffers, the training step's K-1 layers, its first-layer and dense gradients, and
     * the best copy under early stopping), the graph in both CSR forms, one epoch of triples, the evaluation blocks
     * when it evaluates, and the plain copies of the ego table and Adam's moments a checkpoint is written from.
     */
    public static long neededBytes(LightGCNConfig config, FitOptions options, InteractionGraph train,
                                   boolean evaluates) {
        long nodes = (long) train.numUsers() + train.numItems();
        long table = 4L * nodes * config.embeddingDim();
        int tables = 6 + Math.max(0, config.layers() - 1) + 2 + (config.patience() > 0 ? 1 : 0);
        long edges = train.numEdges();
        long sampling = 4L * 4 * edges;                      // triples + per-edge users
        long evaluation = evaluates ? 4L * options.threads() * options.evalBlockSize() * train.numItems() : 0;
        long checkpoint = options.checkpointFile().isPresent() ? 3 * table : 0;
        return tables * table + graphBytes(train) + sampling + evaluation + checkpoint;
    }

    /** The heap a fit's graph structures hold, in bytes: the interaction graph, the adjacency and the node order. */
    public static long graphBytes(InteractionGraph train) {
        long nodes = (long) train.numUsers() + train.numItems(), edges = train.numEdges();
        return 4L * (2 * edges + 2 * nodes)             // InteractionGraph, both directions
                + 4L * (2 * 2 * edges + nodes) + 4L * nodes // normalised adjacency: columns twice, offsets, scales
                + 4L * 2 * nodes;                            // node order, both ways
    }

    /**
     * Checks that the fit fits in the free heap (collecting garbage first when it looks short).
     *
     * @throws InsufficientMemoryException with the estimate and the -Xmx to use, when it does not
     */
    public static void check(LightGCNConfig config, FitOptions options, InteractionGraph train, boolean evaluates) {
        requireHeap(neededBytes(config, options, train, evaluates), () -> "training " + train + " with dim "
                + config.embeddingDim(), ", or lower the dimension or evalBlockSize");
    }

    /**
     * Checks that {@code bytes} more fit in the free heap (collecting garbage first when it looks short), before they
     * are allocated.
     *
     * @param what      what needs them, for the message (made only when needed), e.g. "training ... with dim 64"
     * @param otherwise the other ways out, appended to the advice to raise -Xmx (e.g. ", or lower the dimension")
     * @throws InsufficientMemoryException with the estimate and the -Xmx to use, when they do not fit
     */
    public static void requireHeap(long bytes, Supplier<String> what, String otherwise) {
        Runtime rt = Runtime.getRuntime();
        if (bytes > rt.maxMemory() - usedHeap(rt)) System.gc(); // garbage (e.g. the data's) is used until collected
        long available = rt.maxMemory() - usedHeap(rt);
        if (bytes > available) {
            long suggestMiB = (long) Math.ceil((usedHeap(rt) + bytes * 1.25) / (1 << 20));
            throw new InsufficientMemoryException(bytes, String.format(
                    "%s needs about %d MiB of heap but only %d MiB is free (max heap %d MiB): run the JVM with "
                            + "-Xmx%dm or more%s", what.get(), bytes >> 20, available >> 20, rt.maxMemory() >> 20,
                    suggestMiB, otherwise));
        }
    }

    private static long usedHeap(Runtime rt) { return rt.totalMemory() - rt.freeMemory(); }
}
