package io.github.lightgcn;

import io.github.lightgcn.graph.InteractionGraph;

/**
 * The embedding of a user who is not in the training data, from the items they like, without retraining: one
 * LightGCN propagation hop from the liked items,
 * <pre>
 *   u = Σ_{i ∈ likes} e_i / sqrt(|likes| · d_i)
 * </pre>
 * where {@code e_i} is the trained final (layer-mean) item embedding and {@code d_i} the item's degree in the
 * training graph (at least 1).
 *
 * <p>Why this form: in LightGCN a user's first-layer embedding is exactly
 * {@code Σ_{i ∈ N(u)} e_i / sqrt(|N(u)| · |N(i)|)}, the symmetric normalisation of the graph; a new user is a new
 * node whose neighbours are the liked items, so this is the hop the model itself would take, with the trained
 * final item embeddings (which already hold the items' own neighbourhoods) in place of ego embeddings. The
 * {@code 1/sqrt(d_i)} factor makes a like of a niche item count more than a like of an item everybody has, which
 * keeps the result from collapsing onto the most popular items; the {@code 1/sqrt(|likes|)} factor does not change
 * the ranking, it only keeps scores on the scale of trained users. Nothing is fitted, so it is instant and
 * deterministic; the price is that the new user's taste is only what the liked items' embeddings share.
 */
final class FoldIn {

    private FoldIn() {}

    /**
     * The folded-in vector for liked item indexes (distinct, in range, at least one), summed in the order given:
     * each term is {@code (float) (w · e_i[k])} with {@code w} in double, added into a float vector.
     */
    static float[] userVector(LightGCNModel model, int[] likedItems) {
        if (likedItems.length == 0) throw new IllegalArgumentException("likedItems must name at least one item");
        InteractionGraph train = model.trainGraph();
        int d = model.dim();
        float[] items = model.itemTable();
        float[] u = new float[d];
        for (int item : likedItems) {
            double w = 1 / Math.sqrt((double) likedItems.length * Math.max(1, train.itemDegree(item)));
            for (int k = 0; k < d; k++) u[k] += (float) (w * items[item * d + k]);
        }
        return u;
    }
}
