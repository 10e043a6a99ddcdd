package io.github.lightgcn.examples;

import io.github.lightgcn.LightGCNModel;
import io.github.lightgcn.graph.InteractionGraph;

/**
 * An embedding for a user who is not in the training data, from the anime they like, without retraining: one
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
 * {@code 1/sqrt(d_i)} factor makes a like of a niche anime count more than a like of an anime everybody watched,
 * which is what keeps the result from collapsing onto the most popular shows; the {@code 1/sqrt(|likes|)}
 * factor does not change the ranking, only keeps scores on the scale of trained users. Nothing is fitted, so it
 * is instant and deterministic; the price is that the new user's taste is only what the liked items' embeddings
 * share (no second-order signal from other users beyond what the item embeddings already carry).
 */
final class FoldIn {

    private FoldIn() {}

    /** The folded-in user vector for the liked item indices (distinct, each in range). */
    static float[] userVector(LightGCNModel model, int[] likedItems) {
        if (likedItems.length == 0) throw new IllegalArgumentException("at least one liked anime is needed");
        InteractionGraph train = model.trainGraph();
        int d = model.dim();
        float[] u = new float[d];
        for (int item : likedItems) {
            float[] e = model.itemEmbedding(item);
            double w = 1 / Math.sqrt((double) likedItems.length * Math.max(1, train.itemDegree(item)));
            for (int k = 0; k < d; k++) u[k] += (float) (w * e[k]);
        }
        return u;
    }
}
