package io.github.lightgcn;

import io.github.lightgcn.internal.eval.PopularityScorer;

/**
 * What queries of one model compute once and share, on first use: the embedding norms behind cosine similarity and
 * the popularity order behind cold starts. Thread-safe; holds only derived data.
 */
final class ModelCache {

    final Lazy<double[]> itemNorms;
    final Lazy<double[]> userNorms;
    final Lazy<PopularityScorer> popularity;

    ModelCache(LightGCNModel model) { // reads the model only when a value is first asked for
        this.itemNorms = new Lazy<>(() -> Similarity.norms(model.itemTable(), model.numItems(), model.dim()));
        this.userNorms = new Lazy<>(() -> Similarity.norms(model.userTable(), model.numUsers(), model.dim()));
        this.popularity = new Lazy<>(() -> new PopularityScorer(model.trainGraph()));
    }
}
