package io.github.lightgcn.internal.eval;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.graph.GraphArrays;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The popularity baseline: every user gets the items with the most training interactions (ties: lower item id);
 * evaluated with training items masked, so it recommends the most popular unseen items. Ranked without scoring:
 * each user walks one list of all items in popularity order and takes the first K it may have.
 */
public final class PopularityScorer implements Scorer {

    private final float[] counts;
    private volatile int[] order; // items by (count as float) descending, then id ascending: TopK's order

    public PopularityScorer(InteractionGraph train) {
        counts = new float[train.numItems()];
        for (int i = 0; i < counts.length; i++) counts[i] = train.itemDegree(i);
    }

    @Override
    public int numItems() { return counts.length; }

    /** A user's popularity score of an item: its training interactions. */
    public float score(int item) { return counts[item]; }

    @Override
    public void scoreBlock(int[] users, int from, int to, float[] out) {
        for (int r = 0; r < to - from; r++) System.arraycopy(counts, 0, out, r * counts.length, counts.length);
    }

    /** All items, most popular first (ties: lower id first); computed once, shared: do not modify. */
    public int[] order() {
        int[] o = order;
        if (o == null) { // a race computes the same array twice, harmlessly
            o = IntStream.range(0, counts.length).boxed()
                    .sorted((a, b) -> counts[a] != counts[b] ? Float.compare(counts[b], counts[a]) : Integer.compare(a, b))
                    .mapToInt(Integer::intValue).toArray();
            order = o;
        }
        return o;
    }

    @Override
    public Ranking prepare(int maxK, int blockSize, Workers workers) {
        return new Ranking() {
            @Override
            public String method() { return "popularity order"; }

            @Override
            public int maxK() { return maxK; }

            @Override
            public void rank(int[] users, InteractionGraph mask, boolean[] excluded, Sink sink) {
                int[] byPopularity = order();
                int n = users.length, blocks = (n + blockSize - 1) / blockSize;
                ThreadLocal<int[]> items = ThreadLocal.withInitial(() -> new int[maxK]);
                ThreadLocal<float[]> scores = ThreadLocal.withInitial(() -> new float[maxK]);
                workers.run(blocks, b -> {
                    int[] top = items.get();
                    float[] topScores = scores.get();
                    for (int p = b * blockSize; p < Math.min(n, (b + 1) * blockSize); p++) {
                        int found = take(users[p], byPopularity, mask, excluded, top, topScores);
                        sink.accept(users[p], p, top, topScores, found);
                    }
                });
            }
        };
    }

    private int take(int user, int[] byPopularity, InteractionGraph mask, boolean[] excluded, int[] top, float[] scores) {
        int[] seen = mask == null ? null : GraphArrays.userItems(mask);
        int from = mask == null ? 0 : GraphArrays.userOffsets(mask)[user];
        int to = mask == null ? 0 : GraphArrays.userOffsets(mask)[user + 1];
        int found = 0;
        for (int p = 0; p < byPopularity.length && found < top.length; p++) {
            int item = byPopularity[p];
            if ((excluded != null && excluded[item]) || (from < to && Arrays.binarySearch(seen, from, to, item) >= 0)) {
                continue;
            }
            top[found] = item;
            scores[found++] = counts[item];
        }
        return found;
    }
}
