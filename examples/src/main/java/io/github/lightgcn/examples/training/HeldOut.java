package io.github.lightgcn.examples.training;

import io.github.lightgcn.graph.InteractionGraph;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Held-out pairs mapped onto a model's id universe, with what could not be used counted (never dropped silently):
 * pairs of users or items the model does not know, and pairs that are already training interactions.
 */
public record HeldOut(InteractionGraph graph, long pairs, long unknownUsers, long unknownItems, long inTraining) {

    /**
     * @param userIndex the model's dense index of pair p's user, or -1 when unknown
     * @param itemIndex the same for the item
     */
    public static HeldOut map(int pairs, IntUnaryOperator userIndex, IntUnaryOperator itemIndex,
                              InteractionGraph train) {
        int[] users = new int[pairs], items = new int[pairs];
        int n = 0;
        long unknownUsers = 0, unknownItems = 0, inTraining = 0;
        for (int p = 0; p < pairs; p++) {
            int u = userIndex.applyAsInt(p), i = itemIndex.applyAsInt(p);
            if (u < 0) unknownUsers++;
            else if (i < 0) unknownItems++;
            else if (train.contains(u, i)) inTraining++;
            else {
                users[n] = u;
                items[n++] = i;
            }
        }
        InteractionGraph graph = InteractionGraph.fromPairs(train.numUsers(), train.numItems(),
                Arrays.copyOf(users, n), Arrays.copyOf(items, n));
        return new HeldOut(graph, pairs, unknownUsers, unknownItems, inTraining);
    }

    /** e.g. {@code 9,747 pairs; 9,747 evaluated, 0 of unknown users, 0 of unknown anime, 0 already training ...}. */
    public String summary(String itemsWord) {
        return String.format(Locale.ROOT, "%,d pairs; %,d evaluated, %,d of unknown users, %,d of unknown %s, "
                + "%,d already training interactions (not counted)", pairs, graph.numEdges(), unknownUsers, unknownItems,
                itemsWord, inTraining);
    }
}
