/**
 * LightGCN: the trainer ({@link io.github.lightgcn.LightGCN}), the model ({@link io.github.lightgcn.LightGCNModel}),
 * the interaction graph and the evaluation metrics. The machinery under {@code io.github.lightgcn.internal} (training
 * step, kernels, sparse products, node orders, workers, persistence, ranking) is not part of the API: it is exported
 * only to this project's benchmarks, and may change in any release.
 */
module io.github.lightgcn.core {
    requires static jdk.incubator.vector; // the SIMD kernels, loaded only when the JVM has the module
    requires java.management;
    requires static jdk.management; // G1's region size, so that small tables start on a cache line (AlignedRows)

    exports io.github.lightgcn;
    exports io.github.lightgcn.graph;
    exports io.github.lightgcn.eval;
    exports io.github.lightgcn.random;
    exports io.github.lightgcn.tune;

    exports io.github.lightgcn.internal.concurrent to io.github.lightgcn.bench;
    exports io.github.lightgcn.internal.eval to io.github.lightgcn.bench;
    exports io.github.lightgcn.internal.foldin to io.github.lightgcn.bench;
    exports io.github.lightgcn.internal.graph to io.github.lightgcn.bench;
    exports io.github.lightgcn.internal.persist to io.github.lightgcn.bench;
    exports io.github.lightgcn.internal.simd to io.github.lightgcn.bench;
    exports io.github.lightgcn.internal.sparse to io.github.lightgcn.bench;
    exports io.github.lightgcn.internal.train to io.github.lightgcn.bench;
}
