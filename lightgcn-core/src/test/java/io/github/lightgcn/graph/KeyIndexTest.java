package io.github.lightgcn.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class KeyIndexTest {

    @Test
    void longKeysMapBothWays() {
        KeyIndex k = KeyIndex.ofLongs(50, 7, 1_000_000_000_000L);
        assertEquals(KeyIndex.Type.LONG, k.type());
        assertEquals(1, k.indexOf(7));
        assertEquals(2, k.indexOf(1_000_000_000_000L));
        assertEquals(-1, k.indexOf(8));
        assertEquals(0, k.indexOf("50"));
        assertEquals(-1, k.indexOf("050"), "only the canonical decimal form");
        assertEquals(-1, k.indexOf("fifty"));
        assertEquals(50, k.longKey(0));
        assertEquals("7", k.key(1));
        assertThrows(IllegalArgumentException.class, () -> k.key(3));
        assertThrows(IllegalArgumentException.class, () -> KeyIndex.ofLongs(1, 2, 1));
    }

    @Test
    void stringKeysMapBothWays() {
        KeyIndex k = KeyIndex.ofStrings(List.of("alice", "bob", "42"));
        assertEquals(1, k.indexOf("bob"));
        assertEquals(2, k.indexOf(42));
        assertEquals(-1, k.indexOf("carol"));
        assertEquals("alice", k.key(0));
        assertThrows(IllegalStateException.class, () -> k.longKey(0));
        assertThrows(IllegalArgumentException.class, () -> KeyIndex.ofStrings(List.of("a", "a")));
    }

    @Test
    void identityKeysAreTheIndexes() {
        KeyIndex k = KeyIndex.identity(3);
        assertTrue(k.isIdentity());
        assertEquals(2, k.indexOf(2));
        assertEquals(-1, k.indexOf(3));
        assertEquals(-1, k.indexOf(-1));
        assertEquals(KeyIndex.ofLongs(0, 1, 2), k);
        assertNotEquals(KeyIndex.ofLongs(0, 2, 1), k);
    }

    @Test
    void unsortedAndSortedLongKeysLookUpAlike() {
        java.util.Random r = new java.util.Random(4);
        long[] keys = r.longs(500).distinct().toArray();
        long[] sorted = keys.clone();
        java.util.Arrays.sort(sorted);
        KeyIndex any = KeyIndex.ofLongs(keys), ascending = KeyIndex.ofLongs(sorted);
        for (int i = 0; i < keys.length; i++) {
            assertEquals(i, any.indexOf(keys[i]));
            assertEquals(i, ascending.indexOf(sorted[i]));
            assertEquals(keys[i], any.longKey(i));
        }
        assertEquals(-1, any.indexOf(sorted[0] - 1));
        assertArrayEquals(keys, any.longKeys());
        long[] copy = any.longKeys();
        copy[0]++;
        assertEquals(keys[0], any.longKey(0), "longKeys() is a copy");
        assertArrayEquals(new long[]{0, 1, 2}, KeyIndex.identity(3).longKeys());
        assertThrows(IllegalArgumentException.class, () -> KeyIndex.ofLongs(1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> KeyIndex.ofLongs(3, 1, 3));
        assertThrows(IllegalStateException.class, () -> KeyIndex.ofStrings(List.of("a")).longKeys());
    }
}
