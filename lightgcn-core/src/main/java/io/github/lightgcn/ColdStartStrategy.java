package io.github.lightgcn;

/**
 * What a recommendation for a user key the model does not know returns, like Spark ALS's
 * {@code coldStartStrategy}: a user who was not in the training data has no embedding.
 */
public enum ColdStartStrategy {
    /** An {@link UnknownKeyException} naming the key (the default: an unknown key is usually a mistake). */
    FAIL,
    /**
     * The most popular training items (most training interactions first, ties by lower index), with the request's
     * item filter and candidates applied; the score is the item's number of training interactions.
     */
    POPULARITY
}
