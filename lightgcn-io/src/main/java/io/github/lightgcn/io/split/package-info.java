/**
 * Cutting interactions into train, validation and test, for any data set with original user and item ids.
 *
 * <ul>
 *   <li>{@link io.github.lightgcn.io.split.Interactions}: a set of (user id, item id) pairs, the input and the
 *       parts of a split.</li>
 *   <li>{@link io.github.lightgcn.io.split.Splitter}s, deterministic for a seed:
 *       {@link io.github.lightgcn.io.split.RandomSplitter} (per interaction),
 *       {@link io.github.lightgcn.io.split.PerUserSplitter} (each user's interactions cut by
 *       {@link io.github.lightgcn.io.split.SplitRatios}) and
 *       {@link io.github.lightgcn.io.split.LeaveOneOutSplitter}.</li>
 *   <li>{@link io.github.lightgcn.io.split.Split}: the three disjoint parts, written and read as
 *       {@code train.csv}, {@code val.csv}, {@code test.csv} ({@link io.github.lightgcn.io.split.InteractionsCsv})
 *       and turned into {@link io.github.lightgcn.io.split.SplitGraphs} over one id universe.</li>
 * </ul>
 */
package io.github.lightgcn.io.split;
