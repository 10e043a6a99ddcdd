package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.IdMapping;

import io.github.lightgcn.graph.InteractionGraph;

/**
 * The three parts of a split as graphs over one id universe: the same user and anime indices in all three,
 * so a model trained on {@code train} can be evaluated on {@code val} and {@code test}.
 */
public record SplitGraphs(IdMapping users, IdMapping anime, InteractionGraph train, InteractionGraph val,
                          InteractionGraph test) {
}
