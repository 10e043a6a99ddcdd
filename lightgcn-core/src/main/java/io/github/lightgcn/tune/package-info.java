/**
 * Hyperparameter search on validation data: {@link io.github.lightgcn.tune.Tuner} (successive halving with early
 * stopping inside each trial, a time budget, resumable through a journal) over a
 * {@link io.github.lightgcn.tune.SearchSpace} of {@link io.github.lightgcn.LightGCNConfig} values, giving a
 * {@link io.github.lightgcn.tune.TuningResult}: every {@link io.github.lightgcn.tune.Trial}, the best configuration
 * and its model. The test data is not used here; evaluate the chosen model on it once.
 */
package io.github.lightgcn.tune;
