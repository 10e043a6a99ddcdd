package io.github.lightgcn.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The application's own keys of users (or of items) and the dense indexes {@code 0..size-1} the model works with.
 * Keys are either all {@code long} (looked up without boxing) or all {@code String}. Immutable and thread-safe.
 */
public final class KeyIndex {

    /** The kind of key an index holds. */
    public enum Type { LONG, STRING }

    private final Type type;
    private final int size;
    private final long[] longKeys;         // by index (LONG); null for identity
    private final long[] sortedLongKeys;   // ascending (LONG, not identity); longKeys itself when already ascending
    private final int[] sortedToIndex;     // index of sortedLongKeys[p]; null when longKeys is ascending
    private final String[] stringKeys;     // by index (STRING)
    private final Map<String, Integer> stringLookup;

    private KeyIndex(int size, long[] longKeys) {
        this.type = Type.LONG;
        this.size = size;
        this.longKeys = longKeys;
        this.stringKeys = null;
        this.stringLookup = null;
        if (longKeys == null) {
            sortedLongKeys = null;
            sortedToIndex = null;
            return;
        }
        if (ascending(longKeys)) { // the keyed builder's case: binary search gives the index itself
            sortedLongKeys = longKeys;
            sortedToIndex = null;
            return;
        }
        sortedLongKeys = longKeys.clone();
        Arrays.sort(sortedLongKeys);
        for (int p = 1; p < size; p++) {
            if (sortedLongKeys[p] == sortedLongKeys[p - 1]) {
                throw new IllegalArgumentException("key " + sortedLongKeys[p] + " appears twice");
            }
        }
        sortedToIndex = new int[size]; // keys are distinct: each one's rank is found by binary search, no boxing
        for (int i = 0; i < size; i++) sortedToIndex[Arrays.binarySearch(sortedLongKeys, longKeys[i])] = i;
    }

    private KeyIndex(String[] stringKeys, Map<String, Integer> lookup) {
        this.type = Type.STRING;
        this.size = stringKeys.length;
        this.longKeys = null;
        this.sortedLongKeys = null;
        this.sortedToIndex = null;
        this.stringKeys = stringKeys;
        this.stringLookup = lookup;
    }

    /** Strictly ascending, so distinct (throws naming the first repeat when ascending but for a repeat). */
    private static boolean ascending(long[] keys) {
        for (int p = 1; p < keys.length; p++) {
            if (keys[p] == keys[p - 1]) throw new IllegalArgumentException("key " + keys[p] + " appears twice");
            if (keys[p] < keys[p - 1]) return false;
        }
        return true;
    }

    /** Keys {@code 0..size-1} for indexes {@code 0..size-1}: what a graph built from dense indexes has. */
    public static KeyIndex identity(int size) {
        if (size < 0) throw new IllegalArgumentException("size must be >= 0, got " + size);
        return new KeyIndex(size, null);
    }

    /** Long keys, {@code keys[i]} being the key of index i (copied); distinct. */
    public static KeyIndex ofLongs(long... keys) {
        return new KeyIndex(keys.length, keys.clone());
    }

    /** Trusted: keys strictly ascending, not copied (the keyed builder's sorted keys). */
    static KeyIndex ofSortedLongs(long[] ascendingKeys) {
        return new KeyIndex(ascendingKeys.length, ascendingKeys);
    }

    /** String keys, {@code keys.get(i)} being the key of index i; distinct and non-null. */
    public static KeyIndex ofStrings(List<String> keys) {
        String[] byIndex = keys.toArray(new String[0]);
        Map<String, Integer> lookup = new HashMap<>(byIndex.length * 2);
        for (int i = 0; i < byIndex.length; i++) {
            String key = Objects.requireNonNull(byIndex[i], "key of index " + i);
            if (lookup.put(key, i) != null) throw new IllegalArgumentException("key '" + key + "' appears twice");
        }
        return new KeyIndex(byIndex, lookup);
    }

    /** Trusted: distinct non-null keys by index and their lookup, neither copied (the keyed builder's). */
    static KeyIndex ofStrings(String[] byIndex, Map<String, Integer> lookup) {
        return new KeyIndex(byIndex, lookup);
    }

    /** Whether the keys are longs or strings. */
    public Type type() { return type; }

    /** Number of keys, which is the number of indexes. */
    public int size() { return size; }

    /** Whether the keys are the indexes themselves ({@link #identity}). */
    public boolean isIdentity() { return type == Type.LONG && longKeys == null; }

    /** The index of a long key, or -1 when the index does not hold it (a STRING index looks up its decimal form). */
    public int indexOf(long key) {
        if (type == Type.STRING) return indexOf(Long.toString(key));
        if (longKeys == null) return key >= 0 && key < size ? (int) key : -1;
        int p = Arrays.binarySearch(sortedLongKeys, key);
        return p < 0 ? -1 : sortedToIndex == null ? p : sortedToIndex[p];
    }

    /**
     * The index of a key, or -1 when the index does not hold it. A LONG index accepts only the canonical decimal
     * form of its keys ({@code "42"}, not {@code "042"} or {@code "+42"}), so a key never matches two ways.
     */
    public int indexOf(String key) {
        if (type == Type.STRING) {
            Integer i = stringLookup.get(key);
            return i == null ? -1 : i;
        }
        long value;
        try {
            value = Long.parseLong(key);
        } catch (NumberFormatException e) {
            return -1;
        }
        return Long.toString(value).equals(key) ? indexOf(value) : -1;
    }

    /** The long key of an index (LONG indexes only). */
    public long longKey(int index) {
        checkIndex(index);
        if (type != Type.LONG) throw new IllegalStateException("the keys are strings; use key(index)");
        return longKeys == null ? index : longKeys[index];
    }

    /** A copy of the long keys by index (LONG indexes only): element i is the key of index i. */
    public long[] longKeys() {
        if (type != Type.LONG) throw new IllegalStateException("the keys are strings; use key(index)");
        if (longKeys != null) return longKeys.clone();
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) keys[i] = i;
        return keys;
    }

    /** The key of an index, as a string (a long key in decimal). */
    public String key(int index) {
        checkIndex(index);
        return type == Type.STRING ? stringKeys[index] : Long.toString(longKey(index));
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is out of range [0, " + size + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof KeyIndex other) || other.type != type || other.size != size) return false;
        for (int i = 0; i < size; i++) {
            if (type == Type.LONG ? longKey(i) != other.longKey(i) : !stringKeys[i].equals(other.stringKeys[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = type.hashCode() * 31 + size;
        for (int i = 0; i < Math.min(size, 16); i++) h = h * 31 + key(i).hashCode();
        return h;
    }

    @Override
    public String toString() {
        return "KeyIndex(" + size + " " + type.name().toLowerCase(java.util.Locale.ROOT) + " keys"
                + (isIdentity() ? ", identity)" : ")");
    }
}
