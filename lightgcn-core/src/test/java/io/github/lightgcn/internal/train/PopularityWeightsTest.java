package io.github.lightgcn.internal.train;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.sparse.NodeOrder;
import io.github.lightgcn.internal.sparse.NormalizedAdjacency;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** eALS's popularity weights of {@link ImplicitSquaredObjective}, against hand-computed values. */
class PopularityWeightsTest {

    /** Items of degree 2, 1, 0 (counted as 1) and 3 among 4 items. */
    private static InteractionGraph graph() {
        return InteractionGraph.fromPairs(3, 4, new int[]{0, 0, 1, 1, 2, 2}, new int[]{0, 3, 0, 3, 1, 3});
    }

    @Test
    void betaOneWeighsItemsByTheirDegreeAveragingOne() {
        NormalizedAdjacency a = NormalizedAdjacency.of(graph());
        double[] r = ImplicitSquaredObjective.popularityWeights(a, 1);
        int[] position = a.order().positions();
        // degrees 2, 1, max(1, 0) = 1, 3: sum 7, weights 4·n/7
        double[] expected = {8.0 / 7, 4.0 / 7, 4.0 / 7, 12.0 / 7};
        for (int j = 0; j < 4; j++) assertEquals(expected[j], r[position[3 + j]], 1e-15, "item " + j);
    }

    @Test
    void betaHalfUsesSquareRoots() {
        NormalizedAdjacency a = NormalizedAdjacency.of(graph());
        double[] r = ImplicitSquaredObjective.popularityWeights(a, 0.5);
        int[] position = a.order().positions();
        double norm = Math.sqrt(2) + 1 + 1 + Math.sqrt(3);
        assertEquals(4 * Math.sqrt(3) / norm, r[position[3 + 3]], 1e-15);
        assertEquals(4 / norm, r[position[3 + 2]], 1e-15);
    }

    @Test
    void betaZeroIsExactlyOneForEveryItemInAnyNodeOrder() {
        InteractionGraph g = Graphs.random(50, 70, 0.1, 3);
        for (NodeOrder order : new NodeOrder[]{NodeOrder.identity(120), NodeOrder.communities(g)}) {
            NormalizedAdjacency a = NormalizedAdjacency.of(g, order);
            double[] r = ImplicitSquaredObjective.popularityWeights(a, 0);
            for (int j = 0; j < g.numItems(); j++) assertEquals(1.0, r[order.positions()[50 + j]], 0, "item " + j);
        }
    }
}
