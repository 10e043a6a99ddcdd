package io.github.lightgcn.graph;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InteractionGraphTest {

    @Test
    void mergesDuplicatesAndBuildsBothDirections() {
        InteractionGraph g = InteractionGraph.fromPairs(3, 4,
                new int[]{0, 2, 0, 0, 2, 1},
                new int[]{3, 1, 1, 3, 1, 3});
        assertEquals(4, g.numEdges());
        assertEquals(2, g.duplicatesMerged());
        assertArrayEquals(new int[]{1, 3}, g.itemsOf(0));
        assertArrayEquals(new int[]{3}, g.itemsOf(1));
        assertArrayEquals(new int[]{1}, g.itemsOf(2));
        assertArrayEquals(new int[]{0, 2}, g.usersOf(1));
        assertArrayEquals(new int[]{0, 1}, g.usersOf(3));
        assertArrayEquals(new int[]{}, g.usersOf(0));
        assertEquals(2, g.userDegree(0));
        assertEquals(0, g.itemDegree(2));
        assertTrue(g.contains(0, 3));
        assertFalse(g.contains(1, 1));
        assertEquals(3, g.activeUsers());
        assertEquals(2, g.activeItems());
    }

    @Test
    void rejectsOutOfRangeIdsNamingThePairAndPosition() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> InteractionGraph.fromPairs(2, 2, new int[]{0, 1, 2}, new int[]{0, 1, 0}));
        assertTrue(e.getMessage().contains("pair #2 (user 2, item 0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> InteractionGraph.fromPairs(2, 2, new int[]{0, 1}, new int[]{0, -1}));
        assertTrue(e.getMessage().contains("pair #1 (user 1, item -1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> InteractionGraph.fromPairs(2, 2, new int[]{0}, new int[]{0, 1}));
    }

    @Test
    void resizedKeepsEdgesAndAddsIsolatedNodes() {
        InteractionGraph g = InteractionGraph.fromPairs(2, 2, new int[]{0, 1}, new int[]{1, 0});
        InteractionGraph big = g.resized(4, 5);
        assertEquals(4, big.numUsers());
        assertEquals(5, big.numItems());
        assertArrayEquals(new int[]{1}, big.itemsOf(0));
        assertEquals(0, big.userDegree(3));
        assertEquals(0, big.itemDegree(4));
        assertNotEquals(g.fingerprint(), big.fingerprint());
        assertEquals(g.fingerprint(), InteractionGraph.fromPairs(2, 2, new int[]{1, 0}, new int[]{0, 1}).fingerprint());
    }
}
