package io.github.lightgcn.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Interactions between users and items named by the application's own keys ({@code long} or {@code String}, chosen
 * per side), with the dense indexes the model works with: the {@link #graph()} on indexes and the two
 * {@link KeyIndex}es that map keys to indexes and back. Immutable and thread-safe.
 *
 * <p>Indexes follow the SORTED order of the keys (longs ascending, strings by {@link String#compareTo}), so the same
 * pairs in any order give the same graph, the same keys and, trained with the same configuration, the same model.
 * Repeated pairs are merged and counted ({@link #duplicatesMerged()}).
 *
 * <p>Validation and test pairs go on the same indexes through {@link #heldOut(UnknownKeys)}, with an explicit policy
 * for keys the training data does not have. To give all three parts one id universe (so that, for instance, items
 * seen only in test stay rankable), declare those users and items on the training builder with
 * {@link Builder#addUser(long)} and {@link Builder#addItem(long)}.
 *
 * <pre>{@code
 * KeyedInteractions.Builder builder = KeyedInteractions.builder();
 * builder.add("alice", 1001L).add("alice", 1002L).add("bob", 1002L);
 * builder.addItem(1003L);                        // an item without interactions (yet)
 * KeyedInteractions train = builder.build();     // users alice=0, bob=1; items 1001=0, 1002=1, 1003=2
 *
 * KeyedInteractions test = train.heldOut(KeyedInteractions.UnknownKeys.SKIP)
 *         .add("bob", 1003L).add("carol", 1001L) // carol is not a training user: skipped and counted
 *         .build();
 * LightGCNModel model = new LightGCN(config).fit(train, test);
 * int bob = model.userKeys().indexOf("bob");
 * }</pre>
 */
public final class KeyedInteractions {

    /** What {@link #heldOut(UnknownKeys)} does with a pair whose user or item key the training data lacks. */
    public enum UnknownKeys {
        /** Throw an {@link IllegalArgumentException} naming the pair and the unknown key. */
        FAIL,
        /** Leave the pair out and count it ({@link #skippedUnknownUsers()}, {@link #skippedUnknownItems()}). */
        SKIP
    }

    private final InteractionGraph graph;
    private final KeyIndex userKeys;
    private final KeyIndex itemKeys;
    private final long skippedUnknownUsers;
    private final long skippedUnknownItems;

    private KeyedInteractions(InteractionGraph graph, KeyIndex userKeys, KeyIndex itemKeys, long skippedUnknownUsers,
                              long skippedUnknownItems) {
        this.graph = graph;
        this.userKeys = userKeys;
        this.itemKeys = itemKeys;
        this.skippedUnknownUsers = skippedUnknownUsers;
        this.skippedUnknownItems = skippedUnknownItems;
    }

    /** A builder of training interactions; indexes are assigned at {@link Builder#build()}. */
    public static Builder builder() { return new Builder(); }

    /**
     * A graph already on dense indexes together with the keys of those indexes (e.g. read by a loader that mapped
     * them itself; {@link KeyIndex#identity} for data whose ids are the indexes).
     *
     * @throws IllegalArgumentException when a key index does not have one key per user (item) of the graph
     */
    public static KeyedInteractions of(InteractionGraph graph, KeyIndex userKeys, KeyIndex itemKeys) {
        checkSize("user", userKeys, graph.numUsers());
        checkSize("item", itemKeys, graph.numItems());
        return new KeyedInteractions(graph, userKeys, itemKeys, 0, 0);
    }

    static void checkSize(String side, KeyIndex keys, int size) {
        if (keys.size() != size) {
            throw new IllegalArgumentException("the " + side + " keys hold " + keys.size() + " keys but there are "
                    + size + " " + side + "s");
        }
    }

    /** The interactions on dense indexes. */
    public InteractionGraph graph() { return graph; }

    /** The users' keys, by user index. */
    public KeyIndex userKeys() { return userKeys; }

    /** The items' keys, by item index. */
    public KeyIndex itemKeys() { return itemKeys; }

    public int numUsers() { return graph.numUsers(); }

    public int numItems() { return graph.numItems(); }

    /** How many added pairs repeated an earlier one and were merged. */
    public long duplicatesMerged() { return graph.duplicatesMerged(); }

    /** Held-out pairs left out because their user key is unknown (0 unless built with {@link UnknownKeys#SKIP}). */
    public long skippedUnknownUsers() { return skippedUnknownUsers; }

    /** Held-out pairs of a known user left out because their item key is unknown. */
    public long skippedUnknownItems() { return skippedUnknownItems; }

    /** Whether {@code other} is on the same keys (so its indexes mean the same users and items). */
    public boolean sameKeys(KeyedInteractions other) {
        return userKeys.equals(other.userKeys) && itemKeys.equals(other.itemKeys);
    }

    /** A builder of pairs on THESE indexes (validation, test), with a policy for keys these interactions lack. */
    public HeldOutBuilder heldOut(UnknownKeys policy) {
        return new HeldOutBuilder(this, Objects.requireNonNull(policy, "policy"));
    }

    @Override
    public String toString() {
        return "KeyedInteractions[" + graph.numUsers() + " users (" + userKeys.type() + "), " + graph.numItems()
                + " items (" + itemKeys.type() + "), " + graph.numEdges() + " edges]";
    }

    /**
     * Collects (user, item) pairs and users or items without interactions. The kind of key of each side (long or
     * String) is set by its first key; a key of the other kind on that side is an {@link IllegalArgumentException}.
     * Long keys are kept in primitive arrays (no boxing per pair). Not thread-safe.
     */
    public static final class Builder {
        private final KeyColumn users = new KeyColumn("user"), items = new KeyColumn("item");
        private final KeyColumn declaredUsers = new KeyColumn("user"), declaredItems = new KeyColumn("item");
        private int pairs;

        private Builder() {}

        /** Adds one interaction. */
        public Builder add(long user, long item) {
            users.ensure(user, declaredUsers);
            items.ensure(item, declaredItems); // both checked before either is kept
            users.put(user);
            items.put(item);
            pairs++;
            return this;
        }

        /** Adds one interaction. */
        public Builder add(String user, String item) {
            users.ensure(user, declaredUsers);
            items.ensure(item, declaredItems); // both checked before either is kept
            users.put(user);
            items.put(item);
            pairs++;
            return this;
        }

        /** Adds one interaction. */
        public Builder add(String user, long item) {
            users.ensure(user, declaredUsers);
            items.ensure(item, declaredItems); // both checked before either is kept
            users.put(user);
            items.put(item);
            pairs++;
            return this;
        }

        /** Adds one interaction. */
        public Builder add(long user, String item) {
            users.ensure(user, declaredUsers);
            items.ensure(item, declaredItems); // both checked before either is kept
            users.put(user);
            items.put(item);
            pairs++;
            return this;
        }

        /** Declares a user, who gets an index even without interactions (repeats and known users are fine). */
        public Builder addUser(long user) {
            declaredUsers.ensure(user, users);
            declaredUsers.put(user);
            return this;
        }

        /** Declares a user, who gets an index even without interactions (repeats and known users are fine). */
        public Builder addUser(String user) {
            declaredUsers.ensure(user, users);
            declaredUsers.put(user);
            return this;
        }

        /** Declares an item, which gets an index even without interactions (repeats and known items are fine). */
        public Builder addItem(long item) {
            declaredItems.ensure(item, items);
            declaredItems.put(item);
            return this;
        }

        /** Declares an item, which gets an index even without interactions (repeats and known items are fine). */
        public Builder addItem(String item) {
            declaredItems.ensure(item, items);
            declaredItems.put(item);
            return this;
        }

        /** Number of pairs added so far (repeats included). */
        public int pairs() { return pairs; }

        /** Assigns the indexes (sorted key order) and builds the graph; the builder can go on being used. */
        public KeyedInteractions build() {
            KeyIndex userKeys = users.index(declaredUsers), itemKeys = items.index(declaredItems);
            int[] u = users.indexes(userKeys), i = items.indexes(itemKeys);
            return new KeyedInteractions(InteractionGraph.fromPairs(userKeys.size(), itemKeys.size(), u, i),
                    userKeys, itemKeys, 0, 0);
        }
    }

    /**
     * Collects pairs on the indexes of given interactions ({@link #heldOut(UnknownKeys)}): keys are looked up as they
     * come, the policy decides about unknown ones. Not thread-safe.
     */
    public static final class HeldOutBuilder {
        private final KeyedInteractions on;
        private final UnknownKeys policy;
        private int[] users = new int[16], items = new int[16];
        private int size;
        private long pairs, unknownUsers, unknownItems;

        private HeldOutBuilder(KeyedInteractions on, UnknownKeys policy) {
            this.on = on;
            this.policy = policy;
        }

        /** Adds one pair. @throws IllegalArgumentException for an unknown key under {@link UnknownKeys#FAIL} */
        public HeldOutBuilder add(long user, long item) {
            int u = indexOf(on.userKeys, user, "user"), i = indexOf(on.itemKeys, item, "item");
            if (u < 0 || i < 0) return unknown(u, user, item);
            return put(u, i);
        }

        /** Adds one pair. @throws IllegalArgumentException for an unknown key under {@link UnknownKeys#FAIL} */
        public HeldOutBuilder add(String user, String item) {
            int u = indexOf(on.userKeys, user, "user"), i = indexOf(on.itemKeys, item, "item");
            if (u < 0 || i < 0) return unknown(u, user, item);
            return put(u, i);
        }

        /** Adds one pair. @throws IllegalArgumentException for an unknown key under {@link UnknownKeys#FAIL} */
        public HeldOutBuilder add(String user, long item) {
            int u = indexOf(on.userKeys, user, "user"), i = indexOf(on.itemKeys, item, "item");
            if (u < 0 || i < 0) return unknown(u, user, item);
            return put(u, i);
        }

        /** Adds one pair. @throws IllegalArgumentException for an unknown key under {@link UnknownKeys#FAIL} */
        public HeldOutBuilder add(long user, String item) {
            int u = indexOf(on.userKeys, user, "user"), i = indexOf(on.itemKeys, item, "item");
            if (u < 0 || i < 0) return unknown(u, user, item);
            return put(u, i);
        }

        /** A pair with an unknown user ({@code u < 0}) or item: fails or is counted (keys boxed only here). */
        private HeldOutBuilder unknown(int u, Object user, Object item) {
            if (policy == UnknownKeys.FAIL) {
                throw new IllegalArgumentException("held-out pair #" + pairs + ": " + (u < 0
                        ? "user " + quoted(user) + " is not among the " + on.numUsers() + " users"
                        : "item " + quoted(item) + " is not among the " + on.numItems() + " items")
                        + " of the training data");
            }
            pairs++;
            if (u < 0) unknownUsers++;
            else unknownItems++;
            return this;
        }

        private HeldOutBuilder put(int u, int i) {
            pairs++;
            if (size == users.length) {
                users = Arrays.copyOf(users, 2 * size);
                items = Arrays.copyOf(items, 2 * size);
            }
            users[size] = u;
            items[size++] = i;
            return this;
        }

        /** The pairs added so far as interactions on the same keys (repeats merged, skipped pairs counted). */
        public KeyedInteractions build() {
            InteractionGraph g = InteractionGraph.fromPairs(on.numUsers(), on.numItems(), Arrays.copyOf(users, size),
                    Arrays.copyOf(items, size));
            return new KeyedInteractions(g, on.userKeys, on.itemKeys, unknownUsers, unknownItems);
        }
    }

    /** The index of a long key, -1 when unknown; a long key for string keys is a mistake, not an unknown key. */
    private static int indexOf(KeyIndex keys, long key, String side) {
        if (keys.type() == KeyIndex.Type.LONG) return keys.indexOf(key);
        if (keys.size() == 0) return -1;
        throw wrongKind(side, keys.type(), key);
    }

    private static int indexOf(KeyIndex keys, String key, String side) {
        Objects.requireNonNull(key, () -> side + " key");
        if (keys.type() == KeyIndex.Type.STRING) return keys.indexOf(key);
        if (keys.size() == 0) return -1;
        throw wrongKind(side, keys.type(), key);
    }

    static IllegalArgumentException wrongKind(String side, KeyIndex.Type kind, Object key) {
        return new IllegalArgumentException("the " + side + " keys are " + (kind == KeyIndex.Type.LONG ? "longs" :
                "strings") + ", got " + (key instanceof String ? "the string " : "the long ") + quoted(key));
    }

    static String quoted(Object key) { return key instanceof String ? "'" + key + "'" : key.toString(); }

    /** The keys of one side in the order they came: a primitive long column or a String column, grown by doubling. */
    private static final class KeyColumn {
        private final String side;
        private KeyIndex.Type kind;
        private long[] longs;
        private String[] strings;
        private int size;

        KeyColumn(String side) { this.side = side; }

        /** Checks that this side takes long keys ({@code partner} is the same side's other column). */
        void ensure(long key, KeyColumn partner) {
            if (kind != KeyIndex.Type.LONG && !settle(KeyIndex.Type.LONG, partner)) {
                throw wrongKind(side, kind != null ? kind : partner.kind, key);
            }
        }

        void ensure(String key, KeyColumn partner) {
            Objects.requireNonNull(key, () -> side + " key");
            if (kind != KeyIndex.Type.STRING && !settle(KeyIndex.Type.STRING, partner)) {
                throw wrongKind(side, kind != null ? kind : partner.kind, key);
            }
        }

        /** Appends a key (after {@link #ensure}). */
        void put(long key) {
            if (size == longs.length) longs = Arrays.copyOf(longs, 2 * size);
            longs[size++] = key;
        }

        void put(String key) {
            if (size == strings.length) strings = Arrays.copyOf(strings, 2 * size);
            strings[size++] = key;
        }

        /** Sets the kind of a column without one; false when this column or its partner has the other kind. */
        private boolean settle(KeyIndex.Type wanted, KeyColumn partner) {
            if (kind != null || (partner.kind != null && partner.kind != wanted)) return false;
            kind = wanted;
            if (wanted == KeyIndex.Type.LONG) longs = new long[16];
            else strings = new String[16];
            return true;
        }

        /** The keys of this column and of {@code declared}, distinct, in sorted order. */
        KeyIndex index(KeyColumn declared) {
            KeyIndex.Type k = kind != null ? kind : declared.kind;
            if (k == null) return KeyIndex.ofSortedLongs(new long[0]);
            if (k == KeyIndex.Type.LONG) {
                long[] all = new long[size + declared.size];
                if (size > 0) System.arraycopy(longs, 0, all, 0, size);
                if (declared.size > 0) System.arraycopy(declared.longs, 0, all, size, declared.size);
                Arrays.sort(all);
                int n = 0;
                for (int p = 0; p < all.length; p++) if (p == 0 || all[p] != all[p - 1]) all[n++] = all[p];
                return KeyIndex.ofSortedLongs(Arrays.copyOf(all, n));
            }
            Map<String, Integer> lookup = new HashMap<>();
            for (int p = 0; p < size; p++) lookup.putIfAbsent(strings[p], 0);
            for (int p = 0; p < declared.size; p++) lookup.putIfAbsent(declared.strings[p], 0);
            String[] sorted = lookup.keySet().toArray(new String[0]);
            Arrays.sort(sorted); // String.compareTo
            for (int r = 0; r < sorted.length; r++) lookup.put(sorted[r], r);
            return KeyIndex.ofStrings(sorted, lookup);
        }

        /** The index of every key of this column, in the order they came. */
        int[] indexes(KeyIndex keys) {
            int[] out = new int[size];
            for (int p = 0; p < size; p++) out[p] = kind == KeyIndex.Type.LONG ? keys.indexOf(longs[p]) : keys.indexOf(strings[p]);
            return out;
        }
    }
}
