package io.github.lightgcn;

import io.github.lightgcn.graph.KeyIndex;

import java.util.Objects;

/**
 * A similar user: the dense index, the application's key for the user (looked up in the model's
 * {@link LightGCNModel#userKeys()} when asked for) and the score, the cosine of the two users' final embeddings.
 * Immutable.
 */
public final class ScoredUser {

    private final int user;
    private final float score;
    private final KeyIndex keys;

    /** A user of a model whose user keys are {@code keys}. */
    public ScoredUser(int user, float score, KeyIndex keys) {
        if (user < 0 || user >= keys.size()) {
            throw new IllegalArgumentException("user " + user + " is out of range [0, " + keys.size() + ")");
        }
        this.user = user;
        this.score = score;
        this.keys = keys;
    }

    /** The user's dense index in the model. */
    public int user() { return user; }

    /** The application's key of the user (a long key in decimal). */
    public String key() { return keys.key(user); }

    /** The application's long key of the user (models with {@link KeyIndex.Type#LONG} keys only). */
    public long longKey() { return keys.longKey(user); }

    public float score() { return score; }

    /** Same index, same key and the same score bits. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredUser s && s.user == user && Float.compare(s.score, score) == 0
                && (s.keys == keys || s.key().equals(key()));
    }

    @Override
    public int hashCode() { return Objects.hash(user, score); }

    @Override
    public String toString() { return "ScoredUser[user=" + user + ", key=" + key() + ", score=" + score + "]"; }
}
