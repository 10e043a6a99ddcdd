package io.github.lightgcn.internal.eval;

import io.github.lightgcn.graph.InteractionGraph;

/**
 * The popularity baseline: every user gets the items with the most training interactions (ties: lower item id,
 * through {@link TopK}); evaluated with training items masked, so it recommends the most popular unseen items.
 */
public final class PopularityScorer implements Scorer {

    private final float[] counts;

    public PopularityScorer(InteractionGraph train) {
        counts = new float[train.numItems()];
        for (int i = 0; i < counts.length; i++) counts[i] = train.itemDegree(i);
    }

    @Override
    public int numItems() { return counts.length; }

    @Override
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        for (int r = 0; r < to - from; r++) System.arraycopy(counts, 0, out, r * counts.length, counts.length);
    }
}
