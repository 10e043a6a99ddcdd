package io.github.lightgcn;

import io.github.lightgcn.internal.eval.PopularityScorer;
import io.github.lightgcn.internal.eval.QueryScorer;

/**
 * What queries of one model compute once and share, on first use: the embedding norms behind cosine similarity and
 * the popularity order behind cold starts, the k-major item tile behind single-request scoring. Thread-safe; holds
 * only derived data.
 */
final class ModelCache {

    final Lazy<double[]> itemNorms;
    final Lazy<double[]> userNorms;
    final Lazy<PopularityScorer> popularity;
    final Lazy<QueryScorer> queries; // null value: the table is too large to tile, score item by item

    ModelCache(LightGCNModel model) { // reads the model only when a value is first asked for
        this.itemNorms = new Lazy<>(() -> Similarity.norms(model.itemTable(), model.numItems(), model.dim()));
        this.userNorms = new Lazy<>(() -> Similarity.norms(model.userTable(), model.numUsers(), model.dim()));
        this.popularity = new Lazy<>(() -> new PopularityScorer(model.trainGraph()));
        this.queries = new Lazy<>(() -> QueryScorer.fits(model.numItems(), model.dim())
                ? new QueryScorer(model.itemTable(), model.numItems(), model.dim()) : null);
    }
}
