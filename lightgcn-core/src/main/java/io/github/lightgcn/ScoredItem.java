package io.github.lightgcn;

import io.github.lightgcn.graph.KeyIndex;

import java.util.Objects;

/**
 * A recommended (or similar) item: its dense index, the application's key for it and its score (a dot product of
 * final embeddings for a recommendation, a cosine for a similarity, a training count for popularity). Immutable.
 * The key is looked up in the model's {@link LightGCNModel#itemKeys()} when asked for, so long keys never pass
 * through a string.
 */
public final class ScoredItem {

    private final int item;
    private final float score;
    private final KeyIndex keys;

    /** An item of a model whose item keys are {@code keys}. */
    public ScoredItem(int item, float score, KeyIndex keys) {
        if (item < 0 || item >= keys.size()) {
            throw new IllegalArgumentException("item " + item + " is out of range [0, " + keys.size() + ")");
        }
        this.item = item;
        this.score = score;
        this.keys = keys;
    }

    /** The item's dense index in the model. */
    public int item() { return item; }

    /** The application's key of the item (a long key in decimal). */
    public String key() { return keys.key(item); }

    /** The application's long key of the item (models with {@link KeyIndex.Type#LONG} keys only). */
    public long longKey() { return keys.longKey(item); }

    public float score() { return score; }

    /** Same index, same key and the same score bits. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredItem s && s.item == item && Float.compare(s.score, score) == 0
                && (s.keys == keys || s.key().equals(key()));
    }

    @Override
    public int hashCode() { return Objects.hash(item, score); }

    @Override
    public String toString() { return "ScoredItem[item=" + item + ", key=" + key() + ", score=" + score + "]"; }
}
