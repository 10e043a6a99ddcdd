package io.github.lightgcn.bench.als;

import io.github.lightgcn.graph.InteractionGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark's ALS through the wrapper on a tiny graph (one local Spark session, a few seconds). */
class SparkAlsTest {

    private static SparkAls als;

    @BeforeAll
    static void start() { als = new SparkAls("local[2]", 10, 42); }

    @AfterAll
    static void stop() { als.close(); }

    /**
     * Two communities: users 0-5 like items 0-3, users 6-11 items 4-7, each user all but one of them; user 12 and
     * item 8 have no training row.
     */
    private static InteractionGraph communities() {
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            int first = u < 6 ? 0 : 4;
            for (int i = first; i < first + 4; i++) if (i != first + u % 4) pairs.add(new int[]{u, i});
        }
        return InteractionGraph.fromPairs(13, 9, pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray());
    }

    @Test
    void factorsCoverTheUniverseWithZeroRowsWhereSparkHasNone() {
        InteractionGraph g = communities();
        Factors f = als.fit(als.ratings(g), 13, 9, new AlsParams(4, 0.01, 10)).factors();
        assertEquals(13 * 4, f.users().length);
        assertEquals(9 * 4, f.items().length);
        assertArrayEquals(new float[4], Arrays.copyOfRange(f.users(), 12 * 4, 13 * 4));
        assertArrayEquals(new float[4], Arrays.copyOfRange(f.items(), 8 * 4, 9 * 4));
        // each user's missing item of its own community outscores every item of the other one
        for (int u = 0; u < 12; u++) {
            int first = u < 6 ? 0 : 4, other = u < 6 ? 4 : 0, missing = first + u % 4;
            for (int i = other; i < other + 4; i++) {
                assertTrue(score(f, u, missing) > score(f, u, i), "user " + u + ": item " + missing + " vs " + i);
            }
        }
    }

    @Test
    void aFitIsTheSameForTheSameSeed() {
        InteractionGraph g = communities();
        AlsParams p = new AlsParams(3, 0.1, 1);
        Factors a = als.fit(als.ratings(g), 13, 9, p).factors();
        Factors b = als.fit(als.ratings(g), 13, 9, p).factors();
        assertArrayEquals(a.users(), b.users());
        assertArrayEquals(a.items(), b.items());
    }

    private static double score(Factors f, int user, int item) {
        double s = 0;
        for (int d = 0; d < f.rank(); d++) s += f.users()[user * f.rank() + d] * f.items()[item * f.rank() + d];
        return s;
    }
}
