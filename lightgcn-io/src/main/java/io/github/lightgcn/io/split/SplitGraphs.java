package io.github.lightgcn.io.split;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.IdMapping;

/**
 * The three parts of a split as graphs over one id universe: the same user and item indexes in all three,
 * so a model trained on {@code train} can be evaluated on {@code val} and {@code test}.
 *
 * @param users original user id ↔ user index
 * @param items original item id ↔ item index
 */
public record SplitGraphs(IdMapping users, IdMapping items, InteractionGraph train, InteractionGraph val,
                          InteractionGraph test) {
}
