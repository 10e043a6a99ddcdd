/**
 * LightGCN in pure Java: {@code LightGCNModel model = new LightGCN(config).fit(train)}.
 *
 * <p>{@link io.github.lightgcn.LightGCNConfig} holds what decides a result (hyper-parameters, seed, sampler,
 * initialisation, epochs, monitoring); {@link io.github.lightgcn.FitOptions} how one fit runs (threads, evaluation
 * blocks, time bound, checkpoints, resuming, listeners), passed to
 * {@link io.github.lightgcn.LightGCN#fit(io.github.lightgcn.graph.InteractionGraph,
 * io.github.lightgcn.graph.InteractionGraph, FitOptions)}; {@link io.github.lightgcn.TrainingSummary#stopReason()}
 * says why the fit ended.
 *
 * <h2>Thread safety</h2>
 * <table>
 *   <caption>which classes may be shared between threads</caption>
 *   <tr><th>class</th><th>shared use</th></tr>
 *   <tr><td>{@link io.github.lightgcn.LightGCNModel}</td><td>immutable: any number of threads may call
 *       {@code recommend}, {@code score}, {@code evaluate} at once</td></tr>
 *   <tr><td>{@link io.github.lightgcn.graph.InteractionGraph}, {@link io.github.lightgcn.LightGCNConfig},
 *       {@link io.github.lightgcn.FitOptions} (its listeners are the caller's), {@link io.github.lightgcn.eval.Metrics},
 *       {@link io.github.lightgcn.TrainingSummary},
 *       {@link io.github.lightgcn.internal.sparse.NodeOrder}</td>
 *       <td>immutable</td></tr>
 *   <tr><td>{@link io.github.lightgcn.LightGCN}</td><td>one {@code fit} at a time (it uses its own worker
 *       threads inside); {@link io.github.lightgcn.LightGCN#requestStop()} may be called from any thread</td></tr>
 *   <tr><td>{@link io.github.lightgcn.internal.eval.Evaluator}</td><td>safe for concurrent {@code evaluate} calls when
 *       its {@link io.github.lightgcn.internal.concurrent.Workers} are</td></tr>
 *   <tr><td>{@link io.github.lightgcn.internal.concurrent.Workers}</td><td>one {@code run} at a time per instance</td></tr>
 *   <tr><td>{@link io.github.lightgcn.internal.eval.TopK}, {@link io.github.lightgcn.random.Rng},
 *       {@link io.github.lightgcn.internal.train.Adam}, {@link io.github.lightgcn.internal.train.BprObjective},
 *       {@link io.github.lightgcn.internal.sparse.LayerMeanPropagation}</td><td>not thread-safe: one owner thread</td></tr>
 * </table>
 * Training listeners are called on the thread that called {@code fit}.
 */
package io.github.lightgcn;
