package io.github.lightgcn;

import java.util.List;

/**
 * The answer for a user who was not in the training data, folded in from the items they like
 * ({@link LightGCNModel#recommendForNewUser(java.util.Collection, RecommendOptions)}): the recommendations (the
 * liked items left out) and the folded-in user vector, which scores like a trained user's final embedding and can
 * be stored and passed to {@link LightGCNModel#recommendForVector} later. Immutable.
 *
 * <h2>Fold-in</h2>
 * No retraining: the new user is one LightGCN propagation hop from the liked items,
 * <pre>
 *   u = Σ_{i ∈ likes} e_i / sqrt(|likes| · d_i)
 * </pre>
 * with {@code e_i} the trained final (layer-mean) item embedding and {@code d_i} the item's number of training
 * interactions (at least 1). In LightGCN a user's first-layer embedding is exactly
 * {@code Σ_{i ∈ N(u)} e_i / sqrt(|N(u)| · |N(i)|)} (the symmetric normalisation of the graph), so this is the hop
 * the model itself takes for a new node linked to the liked items. The {@code 1/sqrt(d_i)} weight lets a niche like
 * say more than a like of an item everybody has, so the result does not collapse onto the most popular items;
 * {@code 1/sqrt(|likes|)} does not change the ranking, it keeps scores on the scale of trained users. Instant and
 * deterministic; the new user's taste is only what the liked items' embeddings share. This is the default
 * ({@link FoldInMethod#PROPAGATION}); {@link FoldInMethod#GRADIENT} instead fits the new user's ego embedding by a
 * few BPR steps against the frozen items (better on MAL, no better on LastFM: BENCHMARKS.md, "New users").
 */
public final class NewUserRecommendations {

    private final List<ScoredItem> items;
    private final float[] userVector; // null when the answer came from popularity (no likes)

    NewUserRecommendations(List<ScoredItem> items, float[] userVector) {
        this.items = List.copyOf(items);
        this.userVector = userVector;
    }

    /** Best first. */
    public List<ScoredItem> items() { return items; }

    /** Whether the answer is a folded-in vector's (false: the popularity cold start of a user without likes). */
    public boolean hasUserVector() { return userVector != null; }

    /**
     * A copy of the folded-in user vector ({@code dim} values).
     *
     * @throws IllegalStateException when the user liked nothing and got popular items instead
     */
    public float[] userVector() {
        if (userVector == null) throw new IllegalStateException("no user vector: the user liked no item");
        return userVector.clone();
    }
}
