/**
 * LightGCN in pure Java: {@code LightGCNModel model = new LightGCN(config).fit(train)}, then ask the model.
 *
 * <p>{@link io.github.lightgcn.LightGCNConfig} holds what decides a result (hyper-parameters, seed, sampler,
 * initialisation, epochs, monitoring); {@link io.github.lightgcn.FitOptions} how one fit runs (threads, evaluation
 * blocks, time bound, checkpoints, resuming, listeners), passed to
 * {@link io.github.lightgcn.LightGCN#fit(io.github.lightgcn.graph.InteractionGraph,
 * io.github.lightgcn.graph.InteractionGraph, FitOptions)}; {@link io.github.lightgcn.TrainingSummary#stopReason()}
 * says why the fit ended.
 *
 * <h2>The questions a model answers</h2>
 * Every query takes the application's own key (a {@code String}, or a {@code long} looked up without boxing,
 * through {@link io.github.lightgcn.LightGCNModel#userKeys()} / {@link io.github.lightgcn.LightGCNModel#itemKeys()})
 * or, in a method whose name ends in {@code ByIndex}, the dense index.
 * <table>
 *   <caption>queries of {@link io.github.lightgcn.LightGCNModel}</caption>
 *   <tr><th>question</th><th>method</th><th>answer</th></tr>
 *   <tr><td>the best items for a known user</td><td>{@code recommend}, {@code recommendByIndex}</td>
 *       <td>{@link io.github.lightgcn.ScoredItem}s, best first; what to leave out, candidates and what an unknown
 *       user gets ({@link io.github.lightgcn.ColdStartStrategy}) in {@link io.github.lightgcn.RecommendOptions}</td></tr>
 *   <tr><td>the best items for a new user, from the items they like (no retraining)</td>
 *       <td>{@code recommendForNewUser}</td><td>{@link io.github.lightgcn.NewUserRecommendations}: the items and the
 *       folded-in user vector (the formula is documented there)</td></tr>
 *   <tr><td>the best items for a stored user vector</td><td>{@code recommendForVector}</td>
 *       <td>{@link io.github.lightgcn.ScoredItem}s</td></tr>
 *   <tr><td>items like an item, users like a user</td><td>{@code similarItems}, {@code similarUsers}</td>
 *       <td>{@link io.github.lightgcn.ScoredItem}s / {@link io.github.lightgcn.ScoredUser}s by cosine;
 *       {@link io.github.lightgcn.SimilarOptions}</td></tr>
 *   <tr><td>lists for many users</td><td>{@code recommendForAllUsers}, {@code recommendForUsers}</td>
 *       <td>one {@link io.github.lightgcn.UserRecommendations} at a time to a consumer, memory bounded</td></tr>
 *   <tr><td>how good is it</td><td>{@code evaluate}, {@code evaluatePopularity},
 *       {@link io.github.lightgcn.eval.PopularityBaseline}</td><td>{@link io.github.lightgcn.eval.Metrics}
 *       (recall, precision, NDCG, hit rate, MAP, MRR at each K); {@link io.github.lightgcn.eval.EvaluationOptions}
 *       with an {@link io.github.lightgcn.eval.EvaluationListener} for progress</td></tr>
 *   <tr><td>the embeddings for another system</td><td>{@code exportEmbeddings},
 *       {@link io.github.lightgcn.EmbeddingExport}</td><td>NumPy {@code .npy} files and an {@code ids.json}</td></tr>
 * </table>
 * A key the model does not hold is an {@link io.github.lightgcn.UnknownKeyException} naming it (for an unknown user,
 * unless the options choose {@link io.github.lightgcn.ColdStartStrategy#POPULARITY}); an index out of range, or an
 * option out of its range, an {@link java.lang.IllegalArgumentException} saying the range.
 *
 * <h2>Thread safety</h2>
 * <table>
 *   <caption>which classes may be shared between threads</caption>
 *   <tr><th>class</th><th>shared use</th></tr>
 *   <tr><td>{@link io.github.lightgcn.LightGCNModel}</td><td>immutable: any number of threads may query it at once
 *       (what queries compute once per model, such as the norms of cosine similarity, is computed by the first
 *       query that needs it, once)</td></tr>
 *   <tr><td>{@link io.github.lightgcn.graph.InteractionGraph}, {@link io.github.lightgcn.graph.KeyIndex},
 *       {@link io.github.lightgcn.LightGCNConfig}, {@link io.github.lightgcn.FitOptions} (its listeners are the
 *       caller's), {@link io.github.lightgcn.eval.Metrics},
 *       {@link io.github.lightgcn.TrainingSummary}, {@link io.github.lightgcn.RecommendOptions},
 *       {@link io.github.lightgcn.SimilarOptions}, {@link io.github.lightgcn.eval.EvaluationOptions}, the result
 *       types ({@link io.github.lightgcn.ScoredItem}, ...), {@link io.github.lightgcn.EmbeddingExport}</td>
 *       <td>immutable (their builders are not: one thread per builder)</td></tr>
 *   <tr><td>{@link io.github.lightgcn.LightGCN}</td><td>one {@code fit} at a time (it uses its own worker
 *       threads inside); {@link io.github.lightgcn.LightGCN#requestStop()} may be called from any thread</td></tr>
 *   <tr><td>{@link io.github.lightgcn.random.Rng}</td><td>not thread-safe: one owner thread</td></tr>
 * </table>
 * Training listeners are called on the thread that called {@code fit}; a batch's consumer on the thread that
 * called the batch method; an {@link io.github.lightgcn.eval.EvaluationListener} on worker threads, one call at a
 * time. Filters passed in options ({@code exclude}) are called on the thread that made the request.
 */
package io.github.lightgcn;
