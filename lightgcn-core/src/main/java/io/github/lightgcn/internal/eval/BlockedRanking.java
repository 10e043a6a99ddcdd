package io.github.lightgcn.internal.eval;

import io.github.lightgcn.internal.graph.GraphArrays;
import io.github.lightgcn.internal.concurrent.Workers;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.internal.simd.ScoringKernels;

/**
 * Top-K of every listed user over all items by dot product, without materialising a score matrix: users in blocks
 * (one block per task, blocks in parallel), items in k-major tiles that stay in L2 while a whole block of users is
 * scored against them, four users at a time by a SIMD kernel into an L1-sized buffer; a vector filter keeps only
 * scores that could enter the user's bounded heap, training items are skipped with a per-user cursor and items
 * excluded for everyone (a batch's filter) by a flag per item.
 *
 * <p>Each score is the sequential-order float dot product ({@code VectorOps.dot}) and the heap's order is total
 * (score, then lower item id), so the lists are exactly those of scoring every item one by one, whatever the
 * block size or thread count.
 */
final class BlockedRanking implements Ranking {

    private static final int[] NONE = {};
    private static final int TILE_BYTES = 128 * 1024; // an item tile, k-major; a few of them fit in L2

    private final ScoringKernels kernels;
    private final float[] users;
    private final int dim, numItems, maxK, blockSize;
    private final Workers workers;
    private final int tileWidth, tiles;
    private final float[] tiled; // tiles × dim × tileWidth, item j of tile t at [t·dim·W + k·W + j]
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    BlockedRanking(EmbeddingScorer scorer, int maxK, int blockSize, Workers workers) {
        this.kernels = scorer.scoring();
        this.users = scorer.userTable();
        this.dim = scorer.dim();
        this.numItems = scorer.numItems();
        this.maxK = maxK;
        this.blockSize = blockSize;
        this.workers = workers;
        int align = kernels.tileAlignment();
        int width = Math.max(align, TILE_BYTES / (4 * dim) / align * align);
        int maxWidth = (numItems + align - 1) / align * align; // no tile wider than all items, padded
        this.tileWidth = Math.min(width, Math.max(align, maxWidth));
        this.tiles = (numItems + tileWidth - 1) / tileWidth;
        long size = (long) tiles * dim * tileWidth;
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("item table too large to tile");
        this.tiled = new float[(int) size];
        float[] items = scorer.itemTable();
        workers.run(Math.min(tiles, Math.max(1, workers.threads() * 4)), part -> {
            int t0 = (int) ((long) tiles * part / Math.min(tiles, Math.max(1, workers.threads() * 4)));
            int t1 = (int) ((long) tiles * (part + 1) / Math.min(tiles, Math.max(1, workers.threads() * 4)));
            for (int t = t0; t < t1; t++) {
                int base = t * dim * tileWidth;
                for (int j = 0; j < tileWidth && t * tileWidth + j < numItems; j++) {
                    int item = (t * tileWidth + j) * dim;
                    for (int k = 0; k < dim; k++) tiled[base + k * tileWidth + j] = items[item + k];
                }
            }
        });
    }

    @Override
    public String method() { return "blocked SIMD ranking of embeddings"; }

    @Override
    public int maxK() { return maxK; }

    /** Ranks {@code userIds} (the position in that array is passed to the sink). */
    @Override
    public void rank(int[] userIds, InteractionGraph mask, boolean[] excluded, Sink sink) {
        int n = userIds.length;
        int blocks = (n + blockSize - 1) / blockSize;
        workers.run(blocks, b -> rankBlock(userIds, b * blockSize, Math.min(n, (b + 1) * blockSize), mask, excluded,
                scratch.get(), sink));
    }

    private void rankBlock(int[] userIds, int from, int to, InteractionGraph mask, boolean[] excluded, Scratch s,
                           Sink sink) {
        int count = to - from, groups = (count + 3) / 4;
        int[] mOff = mask == null ? null : GraphArrays.userOffsets(mask);
        int[] mIdx = mask == null ? NONE : GraphArrays.userItems(mask);
        for (int r = 0; r < groups * 4; r++) { // user rows of the block, the last group padded with its last user
            int u = userIds[from + Math.min(r, count - 1)];
            System.arraycopy(users, u * dim, s.userRows, r * dim, dim);
            if (r < count) {
                s.top[r].clear();
                s.cursor[r] = mask == null ? 0 : mOff[u];
            }
        }
        for (int t = 0; t < tiles; t++) {
            int firstItem = t * tileWidth, valid = Math.min(tileWidth, numItems - firstItem);
            for (int g = 0; g < groups; g++) {
                kernels.scoreTile4(s.userRows, g * 4 * dim, dim, tiled, t * dim * tileWidth, tileWidth, s.scores);
                for (int r = 0; r < 4 && g * 4 + r < count; r++) {
                    int q = g * 4 + r, u = userIds[from + q];
                    TopK top = s.top[q];
                    int candidates = kernels.selectAtLeast(s.scores, r * tileWidth, valid, top.threshold(), s.index);
                    int cursor = s.cursor[q], end = mask == null ? 0 : mOff[u + 1];
                    for (int c = 0; c < candidates; c++) {
                        int j = s.index[c], item = firstItem + j;
                        while (cursor < end && mIdx[cursor] < item) cursor++; // training items come in ascending order
                        if (cursor < end && mIdx[cursor] == item) continue;
                        if (excluded != null && excluded[item]) continue;
                        top.offer(item, s.scores[r * tileWidth + j]);
                    }
                    s.cursor[q] = cursor;
                }
            }
        }
        for (int q = 0; q < count; q++) {
            int found = s.top[q].drainBestFirst(s.topItems, s.topScores);
            sink.accept(userIds[from + q], from + q, s.topItems, s.topScores, found);
        }
    }

    private final class Scratch {
        final float[] userRows = new float[(blockSize + 3) / 4 * 4 * dim];
        final float[] scores = new float[4 * tileWidth];
        final int[] index = new int[tileWidth];
        final TopK[] top = new TopK[blockSize];
        final int[] cursor = new int[blockSize];
        final int[] topItems = new int[maxK];
        final float[] topScores = new float[maxK];

        Scratch() {
            for (int q = 0; q < blockSize; q++) top[q] = new TopK(maxK);
        }
    }
}
