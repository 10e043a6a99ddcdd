package io.github.lightgcn.internal.simd;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.LightGCN;
import io.github.lightgcn.LightGCNConfig;
import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Graphs;

/** Run by {@link VectorizationProviderTest} in a JVM without the Vector API module. */
public final class ScalarJvmMain {
    public static void main(String[] args) {
        InteractionGraph[] g = Graphs.planted(100, 60, 4, 8, 2, 1);
        LightGCNModel model = new LightGCN(LightGCNConfig.builder().embeddingDim(8).epochs(3).build())
                .fit(g[0], null, FitOptions.builder().threads(2).build());
        System.out.println("kernels=" + VectorizationProvider.kernels().name());
        System.out.println("trained recall@10=" + model.evaluate(g[1], 10).recall(10));
    }
}
