package io.github.lightgcn.graph;

import io.github.lightgcn.InsufficientMemoryException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A graph whose counts cannot fit in the heap fails before its arrays are allocated, with the estimate and the -Xmx
 * to use (before: {@code --num-users 2000000000} ended in an OutOfMemoryError with a stack trace).
 */
class GraphMemoryTest {

    @Test
    void countsBeyondTheHeapFailWithTheEstimateAndTheXmxToUse() {
        InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
                () -> InteractionGraph.fromPairs(2_000_000_000, 4489, new int[]{0}, new int[]{1}));
        assertEquals(4L * (3L * 2_000_000_000 + 2 * 4489 + 3 + 8), e.neededBytes());
        assertTrue(e.neededBytes() > Runtime.getRuntime().maxMemory());
        String m = e.getMessage();
        assertTrue(m.startsWith("an interaction graph of 2,000,000,000 users, 4,489 items and 1 pairs needs about "
                + "22888 MiB of heap but only "), m);
        assertTrue(m.matches(".*: run the JVM with -Xmx\\d+m or more, or check the numbers of users and items"), m);
        e = assertThrows(InsufficientMemoryException.class,
                () -> InteractionGraph.empty(10, Integer.MAX_VALUE - 1));
        assertTrue(e.getMessage().startsWith("an interaction graph of 10 users, 2,147,483,646 items"), e.getMessage());
    }

    @Test
    void ordinaryGraphsAreNotAffected() {
        InteractionGraph g = InteractionGraph.fromPairs(3, 2, new int[]{0, 2, 2}, new int[]{1, 0, 0});
        assertEquals(2, g.numEdges());
        assertEquals(1, g.duplicatesMerged());
    }
}
