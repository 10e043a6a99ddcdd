package io.github.lightgcn.graph;

import io.github.lightgcn.graph.KeyedInteractions.UnknownKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class KeyedInteractionsTest {

    /** Same size, same edges (both CSR directions), same duplicate count. */
    static void assertSameGraph(InteractionGraph expected, InteractionGraph actual) {
        assertEquals(expected.numUsers(), actual.numUsers());
        assertEquals(expected.numItems(), actual.numItems());
        assertEquals(expected.numEdges(), actual.numEdges());
        assertEquals(expected.duplicatesMerged(), actual.duplicatesMerged());
        for (int u = 0; u < expected.numUsers(); u++) assertArrayEquals(expected.itemsOf(u), actual.itemsOf(u));
        for (int i = 0; i < expected.numItems(); i++) assertArrayEquals(expected.usersOf(i), actual.usersOf(i));
        assertEquals(expected.fingerprint(), actual.fingerprint());
    }

    record Pair(long user, long item) {}

    static List<Pair> randomPairs(Random r, int n, int users, int items) {
        List<Pair> pairs = new ArrayList<>();
        for (int p = 0; p < n; p++) pairs.add(new Pair(r.nextInt(users) * 7919L - 5000, 1_000_000_007L * r.nextInt(items)));
        return pairs;
    }

    static KeyedInteractions longs(List<Pair> pairs) {
        KeyedInteractions.Builder b = KeyedInteractions.builder();
        for (Pair p : pairs) b.add(p.user(), p.item());
        return b.build();
    }

    static KeyedInteractions strings(List<Pair> pairs) {
        KeyedInteractions.Builder b = KeyedInteractions.builder();
        for (Pair p : pairs) b.add("u" + p.user(), "i" + p.item());
        return b.build();
    }

    @Test
    void shuffledInputGivesTheIdenticalGraphAndKeys() {
        Random r = new Random(5);
        List<Pair> pairs = randomPairs(r, 3000, 200, 150); // with repeats
        KeyedInteractions a = longs(pairs), as = strings(pairs);
        for (int round = 0; round < 5; round++) {
            List<Pair> shuffled = new ArrayList<>(pairs);
            Collections.shuffle(shuffled, r);
            KeyedInteractions b = longs(shuffled), bs = strings(shuffled);
            assertSameGraph(a.graph(), b.graph());
            assertEquals(a.userKeys(), b.userKeys());
            assertEquals(a.itemKeys(), b.itemKeys());
            assertSameGraph(as.graph(), bs.graph());
            assertEquals(as.userKeys(), bs.userKeys());
            assertEquals(as.itemKeys(), bs.itemKeys());
        }
        assertTrue(a.duplicatesMerged() > 0);
    }

    @Test
    void indexesFollowSortedKeysAndMatchAnIndependentMapping() {
        Random r = new Random(8);
        List<Pair> pairs = randomPairs(r, 2000, 300, 80);
        KeyedInteractions keyed = longs(pairs);
        // oracle: rank of each key among the distinct keys (TreeSet), edges as a set of (rank, rank)
        List<Long> users = new ArrayList<>(new TreeSet<>(pairs.stream().map(Pair::user).toList()));
        List<Long> items = new ArrayList<>(new TreeSet<>(pairs.stream().map(Pair::item).toList()));
        TreeMap<Integer, TreeSet<Integer>> edges = new TreeMap<>();
        for (Pair p : pairs) {
            edges.computeIfAbsent(Collections.binarySearch(users, p.user()), k -> new TreeSet<>())
                    .add(Collections.binarySearch(items, p.item()));
        }
        assertEquals(users.size(), keyed.numUsers());
        assertEquals(items.size(), keyed.numItems());
        for (int u = 0; u < users.size(); u++) {
            assertEquals(users.get(u), keyed.userKeys().longKey(u));
            assertEquals(u, keyed.userKeys().indexOf(users.get(u)));
            assertArrayEquals(edges.get(u).stream().mapToInt(Integer::intValue).toArray(), keyed.graph().itemsOf(u));
        }
        for (int i = 0; i < items.size(); i++) assertEquals(items.get(i), keyed.itemKeys().longKey(i));
        assertEquals(pairs.size() - keyed.graph().numEdges(), keyed.duplicatesMerged());
    }

    @Test
    void zeroBasedLongKeysGiveExactlyTheGraphOfFromPairs() {
        Random r = new Random(3);
        int numUsers = 50, numItems = 70, n = 400;
        int[] u = new int[n], i = new int[n];
        KeyedInteractions.Builder b = KeyedInteractions.builder();
        for (int p = 0; p < n; p++) {
            u[p] = r.nextInt(numUsers - 5); // the last users and items have no pair: declared below
            i[p] = r.nextInt(numItems - 5);
            b.add(u[p], i[p]);
        }
        for (int x = 0; x < numUsers; x++) b.addUser(x);
        for (int x = 0; x < numItems; x++) b.addItem(x);
        KeyedInteractions keyed = b.build();
        assertSameGraph(InteractionGraph.fromPairs(numUsers, numItems, u, i), keyed.graph());
        assertEquals(KeyIndex.identity(numUsers), keyed.userKeys());
        assertEquals(KeyIndex.identity(numItems), keyed.itemKeys());
    }

    @Test
    void stringKeysSortByCompareToAndSidesMayDiffer() {
        KeyedInteractions k = KeyedInteractions.builder().add("b", 30L).add("a", 10L).add("B", 20L).add("10", 10L)
                .add("9", 30L).add("a", 10L).build();
        assertEquals(List.of("10", "9", "B", "a", "b"), List.of(k.userKeys().key(0), k.userKeys().key(1),
                k.userKeys().key(2), k.userKeys().key(3), k.userKeys().key(4)));
        assertEquals(KeyIndex.Type.STRING, k.userKeys().type());
        assertEquals(KeyIndex.Type.LONG, k.itemKeys().type());
        assertEquals(1, k.duplicatesMerged());
        assertTrue(k.graph().contains(k.userKeys().indexOf("B"), k.itemKeys().indexOf(20L)));
        assertEquals(5, k.graph().numEdges());
    }

    @Test
    void declaredUsersAndItemsGetIndexesWithoutInteractions() {
        KeyedInteractions k = KeyedInteractions.builder().add(5, 100).addUser(1).addUser(5).addItem(300).addItem(50)
                .build();
        assertEquals(2, k.numUsers());
        assertEquals(3, k.numItems());
        assertEquals(0, k.graph().userDegree(k.userKeys().indexOf(1)));
        assertEquals(0, k.graph().itemDegree(k.itemKeys().indexOf(300)));
        assertEquals(1, k.itemKeys().indexOf(100)); // 50, 100, 300
        KeyedInteractions onlyDeclared = KeyedInteractions.builder().addUser("x").addItem(7).build();
        assertEquals(1, onlyDeclared.numUsers());
        assertEquals(0, onlyDeclared.graph().numEdges());
        KeyedInteractions empty = KeyedInteractions.builder().build();
        assertEquals(0, empty.numUsers());
        assertEquals(0, empty.numItems());
    }

    @Test
    void aSideTakesOneKindOfKeyAndARefusedPairLeavesTheBuilderIntact() {
        KeyedInteractions.Builder b = KeyedInteractions.builder().add(1L, "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(2L, 3L));
        assertEquals("the item keys are strings, got the long 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.addUser("one"));
        assertEquals("the user keys are longs, got the string 'one'", e.getMessage());
        assertThrows(NullPointerException.class, () -> b.add(1L, (String) null));
        b.add(2L, "y");
        KeyedInteractions k = b.build();
        assertEquals(2, k.numUsers());
        assertEquals(2, k.graph().numEdges());
        assertEquals(2, b.pairs());
    }

    @Test
    void heldOutPairsGoOnTheTrainingIndexesWithAPolicyForUnknownKeys() {
        KeyedInteractions train = KeyedInteractions.builder().add("alice", 1001L).add("alice", 1002L)
                .add("bob", 1002L).addItem(1003L).build();
        KeyedInteractions test = train.heldOut(UnknownKeys.SKIP).add("bob", 1003L).add("carol", 1001L)
                .add("alice", 9999L).add("bob", 1003L).build();
        assertTrue(test.sameKeys(train));
        assertSame(train.userKeys(), test.userKeys());
        assertEquals(1, test.graph().numEdges());
        assertTrue(test.graph().contains(train.userKeys().indexOf("bob"), train.itemKeys().indexOf(1003L)));
        assertEquals(1, test.skippedUnknownUsers());
        assertEquals(1, test.skippedUnknownItems());
        assertEquals(1, test.duplicatesMerged());
        assertEquals(0, train.skippedUnknownUsers());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train.heldOut(UnknownKeys.FAIL).add("bob", 1001L).add("carol", 1001L));
        assertEquals("held-out pair #1: user 'carol' is not among the 2 users of the training data", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> train.heldOut(UnknownKeys.FAIL).add("bob", 77L));
        assertEquals("held-out pair #0: item 77 is not among the 3 items of the training data", e.getMessage());
        // a key of the wrong kind is a mistake whatever the policy
        e = assertThrows(IllegalArgumentException.class, () -> train.heldOut(UnknownKeys.SKIP).add(5L, 1001L));
        assertEquals("the user keys are strings, got the long 5", e.getMessage());
        assertFalse(KeyedInteractions.builder().add("alice", 1L).build().sameKeys(train));
    }

    @Test
    void aGraphWithItsKeys() {
        InteractionGraph g = InteractionGraph.fromPairs(2, 3, new int[]{0, 1}, new int[]{2, 0});
        KeyedInteractions k = KeyedInteractions.of(g, KeyIndex.ofLongs(20, 10), KeyIndex.identity(3));
        assertSame(g, k.graph());
        KeyedInteractions held = k.heldOut(UnknownKeys.FAIL).add(10, 1).build();
        assertTrue(held.graph().contains(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyedInteractions.of(g, KeyIndex.identity(3), KeyIndex.identity(3)));
        assertEquals("the user keys hold 3 keys but there are 2 users", e.getMessage());
    }

    @Test
    void extremeLongKeysSortAscending() {
        KeyedInteractions k = KeyedInteractions.builder().add(Long.MAX_VALUE, 0).add(Long.MIN_VALUE, 0).add(-1, 0)
                .add(0, 0).build();
        assertArrayEquals(new long[]{Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, k.userKeys().longKeys());
        assertEquals(3, k.userKeys().indexOf(Long.MAX_VALUE));
    }
}
