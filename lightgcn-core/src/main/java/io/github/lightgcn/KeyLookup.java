package io.github.lightgcn;

import io.github.lightgcn.graph.KeyIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Application keys to dense indexes for the queries, with every unknown key named at once. */
final class KeyLookup {

    private KeyLookup() {}

    /** The indexes of liked item keys, in order; unknown keys are an {@link UnknownKeyException} naming them all. */
    static int[] items(KeyIndex index, Collection<String> keys) {
        int[] out = new int[keys.size()];
        List<String> unknown = new ArrayList<>();
        int p = 0;
        for (String key : keys) if ((out[p++] = index.indexOf(key)) < 0) unknown.add(key);
        if (!unknown.isEmpty()) throw unknown("liked item", unknown, index, "item");
        return out;
    }

    /** As {@link #items(KeyIndex, Collection)}, for long keys. */
    static int[] items(KeyIndex index, long[] keys) {
        int[] out = new int[keys.length];
        List<String> unknown = new ArrayList<>();
        for (int p = 0; p < keys.length; p++) {
            if ((out[p] = index.indexOf(keys[p])) < 0) unknown.add(Long.toString(keys[p]));
        }
        if (!unknown.isEmpty()) throw unknown("liked item", unknown, index, "item");
        return out;
    }

    /** One item's index, or an {@link UnknownKeyException}. */
    static int item(KeyIndex index, String key) { return found(index.indexOf(key), key, index, "item"); }

    /** One item's index, or an {@link UnknownKeyException}. */
    static int item(KeyIndex index, long key) { return found(index.indexOf(key), Long.toString(key), index, "item"); }

    /** One user's index for a similarity query (no cold start there), or an {@link UnknownKeyException}. */
    static int user(KeyIndex index, String key) { return found(index.indexOf(key), key, index, "user"); }

    /** One user's index for a similarity query, or an {@link UnknownKeyException}. */
    static int user(KeyIndex index, long key) { return found(index.indexOf(key), Long.toString(key), index, "user"); }

    /**
     * The indexes of user keys for a batch, -1 for an unknown key; with {@link ColdStartStrategy#FAIL} any unknown
     * key fails the whole batch before anything is ranked, naming every unknown key.
     */
    static int[] users(LightGCNModel m, List<String> keys, ColdStartStrategy strategy) {
        int[] out = new int[keys.size()];
        List<String> unknown = new ArrayList<>();
        for (int p = 0; p < out.length; p++) if ((out[p] = m.userKeys().indexOf(keys.get(p))) < 0) unknown.add(keys.get(p));
        if (!unknown.isEmpty() && strategy == ColdStartStrategy.FAIL) throw Recommender.unknownUsers(m, unknown);
        return out;
    }

    /** As {@link #users(LightGCNModel, List, ColdStartStrategy)}, for long keys. */
    static int[] users(LightGCNModel m, long[] keys, ColdStartStrategy strategy) {
        int[] out = new int[keys.length];
        List<String> unknown = new ArrayList<>();
        for (int p = 0; p < out.length; p++) {
            if ((out[p] = m.userKeys().indexOf(keys[p])) < 0) unknown.add(Long.toString(keys[p]));
        }
        if (!unknown.isEmpty() && strategy == ColdStartStrategy.FAIL) throw Recommender.unknownUsers(m, unknown);
        return out;
    }

    private static int found(int index, String key, KeyIndex keys, String noun) {
        if (index < 0) throw unknown(noun, List.of(key), keys, noun);
        return index;
    }

    /** The keys {@code unknown} (of a {@code what}) are not among the {@code noun}s of {@code index}. */
    static UnknownKeyException unknown(String what, List<String> unknown, KeyIndex index, String noun) {
        return new UnknownKeyException(what, unknown, UnknownKeyException.count(index.size(), noun), "");
    }
}
