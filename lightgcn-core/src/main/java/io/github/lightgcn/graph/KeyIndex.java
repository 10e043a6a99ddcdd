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
    private final long[] sortedLongKeys;   // ascending (LONG, not identity)
    private final int[] sortedToIndex;     // index of sortedLongKeys[p]
    private final String[] stringKeys;     // by index (STRING)
    private final Map<String, Integer> stringLookup;

    private KeyIndex(Type type, int size, long[] longKeys, String[] stringKeys) {
        this.type = type;
        this.size = size;
        this.longKeys = longKeys;
        this.stringKeys = stringKeys;
        if (longKeys != null) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Long.compare(longKeys[a], longKeys[b]));
            sortedLongKeys = new long[size];
            sortedToIndex = new int[size];
            for (int p = 0; p < size; p++) {
                sortedToIndex[p] = order[p];
                sortedLongKeys[p] = longKeys[order[p]];
                if (p > 0 && sortedLongKeys[p] == sortedLongKeys[p - 1]) {
                    throw new IllegalArgumentException("key " + sortedLongKeys[p] + " appears twice");
                }
            }
        } else {
            sortedLongKeys = null;
            sortedToIndex = null;
        }
        if (stringKeys != null) {
            stringLookup = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                String key = Objects.requireNonNull(stringKeys[i], "key of index " + i);
                if (stringLookup.put(key, i) != null) throw new IllegalArgumentException("key '" + key + "' appears twice");
            }
        } else {
            stringLookup = null;
        }
    }

    /** Keys {@code 0..size-1} for indexes {@code 0..size-1}: what a graph built from dense indexes has. */
    public static KeyIndex identity(int size) {
        if (size < 0) throw new IllegalArgumentException("size must be >= 0, got " + size);
        return new KeyIndex(Type.LONG, size, null, null);
    }

    /** Long keys, {@code keys[i]} being the key of index i (copied); distinct. */
    public static KeyIndex ofLongs(long... keys) {
        return new KeyIndex(Type.LONG, keys.length, keys.clone(), null);
    }

    /** String keys, {@code keys.get(i)} being the key of index i; distinct and non-null. */
    public static KeyIndex ofStrings(List<String> keys) {
        return new KeyIndex(Type.STRING, keys.size(), null, keys.toArray(new String[0]));
    }

    public Type type() { return type; }

    public int size() { return size; }

    /** Whether the keys are the indexes themselves ({@link #identity}). */
    public boolean isIdentity() { return type == Type.LONG && longKeys == null; }

    /** The index of a long key, or -1 when the index does not hold it (a STRING index looks up its decimal form). */
    public int indexOf(long key) {
        if (type == Type.STRING) return indexOf(Long.toString(key));
        if (longKeys == null) return key >= 0 && key < size ? (int) key : -1;
        int p = Arrays.binarySearch(sortedLongKeys, key);
        return p >= 0 ? sortedToIndex[p] : -1;
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
