package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fold-in formula on a hand-sized model. */
class FoldInTest {

    @Test
    void oneHopWithSymmetricNormalisation() {
        // 2 users, 3 items, dim 2; item degrees: item 0 -> 2, item 1 -> 1, item 2 -> 0
        InteractionGraph train = InteractionGraph.fromPairs(2, 3, new int[]{0, 1, 1}, new int[]{0, 0, 1});
        float[] items = {1, 0, 0, 2, 3, 3};
        LightGCNModel model = LightGCNModel.of(new float[4], items, 2, train, Map.of());
        // u = e0 / sqrt(2 * 2) + e1 / sqrt(2 * 1)
        float[] u = FoldIn.userVector(model, new int[]{0, 1});
        assertArrayEquals(new float[]{0.5f, (float) (2 / Math.sqrt(2))}, u, 1e-6f);
        // an item with no training interaction counts with degree 1
        assertArrayEquals(new float[]{3, 3}, FoldIn.userVector(model, new int[]{2}), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> FoldIn.userVector(model, new int[0]));
    }
}
