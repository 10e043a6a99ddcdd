package io.github.lightgcn.internal.eval;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.internal.graph.GraphArrays;

/**
 * The generic ranking of any {@link Scorer}: a block of users is scored against all items into one buffer
 * (memory: threads × block × items floats), then each row is masked and its top K selected one score at a time.
 */
final class DenseRanking implements Ranking {

    private final Scorer scorer;
    private final int maxK, blockSize, numItems;
    private final Workers workers;
    private final ThreadLocal<Scratch> scratch;

    DenseRanking(Scorer scorer, int maxK, int blockSize, Workers workers) {
        this.scorer = scorer;
        this.maxK = maxK;
        this.blockSize = blockSize;
        this.numItems = scorer.numItems();
        this.workers = workers;
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    @Override
    public String method() { return "dense scores"; }

    @Override
    public int maxK() { return maxK; }

    @Override
    public void rank(int[] users, InteractionGraph mask, boolean[] excluded, Sink sink) {
        int n = users.length, blocks = (n + blockSize - 1) / blockSize;
        workers.run(blocks, b -> {
            int from = b * blockSize, to = Math.min(n, from + blockSize);
            Scratch s = scratch.get();
            scorer.scoreBlock(users, from, to, s.scores);
            for (int r = 0; r < to - from; r++) rankOne(users[from + r], from + r, r * numItems, mask, excluded, s, sink);
        });
    }

    private void rankOne(int user, int position, int offset, InteractionGraph mask, boolean[] excluded, Scratch s,
                         Sink sink) {
        int mp = 0, mEnd = 0;
        int[] mIdx = null;
        if (mask != null) {
            int[] mOff = GraphArrays.userOffsets(mask);
            mIdx = GraphArrays.userItems(mask);
            mp = mOff[user];
            mEnd = mOff[user + 1];
        }
        TopK top = s.top;
        top.clear();
        for (int i = 0; i < numItems; i++) {
            if (mp < mEnd && mIdx[mp] == i) { // masked items come in ascending order
                mp++;
                continue;
            }
            if (excluded != null && excluded[i]) continue;
            float score = s.scores[offset + i];
            if (top.couldEnter(score)) top.offer(i, score);
        }
        int found = top.drainBestFirst(s.topItems, s.topScores);
        sink.accept(user, position, s.topItems, s.topScores, found);
    }

    private final class Scratch {
        final float[] scores = new float[blockSize * numItems];
        final TopK top = new TopK(maxK);
        final int[] topItems = new int[maxK];
        final float[] topScores = new float[maxK];
    }
}
