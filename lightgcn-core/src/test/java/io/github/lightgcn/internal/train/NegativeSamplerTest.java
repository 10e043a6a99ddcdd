package io.github.lightgcn.internal.train;

import io.github.lightgcn.Sampling;
import io.github.lightgcn.random.Rng;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class NegativeSamplerTest {

    @ParameterizedTest
    @EnumSource(Sampling.class)
    void theBitsetAndTheBinarySearchDrawTheSameTriples(Sampling mode) {
        // 65 items: the bitset's second word per user holds one item only
        InteractionGraph g = Graphs.random(37, 65, 0.4, 9);
        NegativeSampler bitset = new NegativeSampler(g, mode), search = new NegativeSampler(g, mode, 0);
        assertTrue(bitset.usesBitset());
        assertFalse(search.usesBitset());
        for (int epoch = 0; epoch < 20; epoch++) {
            Triples a = bitset.sampleEpoch(Rng.stream(3, 2, epoch)), b = search.sampleEpoch(Rng.stream(3, 2, epoch));
            assertArrayEquals(b.users(), a.users());
            assertArrayEquals(b.positives(), a.positives());
            assertArrayEquals(b.negatives(), a.negatives());
        }
    }

    @ParameterizedTest
    @EnumSource(Sampling.class)
    void negativesAreNeverPositivesAndCoverEveryOtherItemIncludingTheLast(Sampling mode) {
        InteractionGraph g = Graphs.random(30, 40, 0.3, 5);
        NegativeSampler sampler = new NegativeSampler(g, mode);
        boolean[][] seen = new boolean[g.numUsers()][g.numItems()];
        for (int epoch = 0; epoch < 200; epoch++) {
            Triples t = sampler.sampleEpoch(Rng.stream(1, 2, epoch));
            assertEquals(g.numEdges(), t.size());
            for (int p = 0; p < t.size(); p++) {
                int u = t.users()[p];
                assertTrue(g.contains(u, t.positives()[p]), "positive must be a training edge");
                assertFalse(g.contains(u, t.negatives()[p]), "negative must not be a training edge");
                seen[u][t.negatives()[p]] = true;
            }
        }
        int lastItem = g.numItems() - 1;
        boolean lastReached = false;
        for (int u = 0; u < g.numUsers(); u++) {
            if (g.userDegree(u) == 0) continue;
            lastReached |= seen[u][lastItem];
            for (int i = 0; i < g.numItems(); i++) {
                assertEquals(!g.contains(u, i), seen[u][i], "user " + u + " item " + i);
            }
        }
        assertTrue(lastReached, "the last item id must be sampled as a negative");
    }

    @Test
    void edgeUniformVisitsEveryEdgeOncePerEpoch() {
        InteractionGraph g = Graphs.random(20, 25, 0.3, 9);
        Triples t = new NegativeSampler(g, Sampling.EDGE_UNIFORM).sampleEpoch(new Rng(3));
        long[] keys = new long[t.size()];
        for (int p = 0; p < t.size(); p++) keys[p] = (long) t.users()[p] * g.numItems() + t.positives()[p];
        Arrays.sort(keys);
        for (int p = 1; p < keys.length; p++) assertNotEquals(keys[p - 1], keys[p], "edge drawn twice");
        assertEquals(g.numEdges(), keys.length);
    }

    @Test
    void userUniformDrawsOnlyActiveUsersRoughlyUniformly() {
        // user 0 has 1 item, user 1 has 20: uniform over users, not edges
        int[] us = new int[21], is = new int[21];
        us[0] = 0;
        is[0] = 0;
        for (int k = 1; k <= 20; k++) {
            us[k] = 1;
            is[k] = k;
        }
        InteractionGraph g = InteractionGraph.fromPairs(3, 30, us, is);
        NegativeSampler sampler = new NegativeSampler(g, Sampling.USER_UNIFORM);
        int[] counts = new int[3];
        for (int e = 0; e < 500; e++) for (int u : sampler.sampleEpoch(Rng.stream(4, 2, e)).users()) counts[u]++;
        assertEquals(0, counts[2], "user 2 has no training item");
        double share = counts[0] / (double) (counts[0] + counts[1]);
        assertEquals(0.5, share, 0.02);
    }

    @Test
    void sameStreamSameTriples() {
        InteractionGraph g = Graphs.random(20, 25, 0.3, 9);
        NegativeSampler s = new NegativeSampler(g, Sampling.USER_UNIFORM);
        Triples a = s.sampleEpoch(Rng.stream(7, 2, 3)), b = s.sampleEpoch(Rng.stream(7, 2, 3));
        assertArrayEquals(a.users(), b.users());
        assertArrayEquals(a.positives(), b.positives());
        assertArrayEquals(a.negatives(), b.negatives());
    }

    @ParameterizedTest
    @EnumSource(Sampling.class)
    void severalNegativesPerPositiveAreConsecutiveTriplesOfTheSamePositives(Sampling mode) {
        InteractionGraph g = Graphs.random(40, 30, 0.2, 8);
        NegativeSampler sampler = new NegativeSampler(g, mode);
        Triples one = sampler.sampleEpoch(new Rng(4)), alsoOne = sampler.sampleEpoch(new Rng(4), 1);
        assertArrayEquals(one.users(), alsoOne.users());
        assertArrayEquals(one.positives(), alsoOne.positives());
        assertArrayEquals(one.negatives(), alsoOne.negatives());
        Triples none = sampler.sampleEpoch(new Rng(4), 0);
        assertArrayEquals(one.users(), none.users(), "the same positives, drawn first");
        assertArrayEquals(one.positives(), none.positives());
        assertEquals(0, none.negatives().length);
        assertEquals(0, none.negativesPerPositive());
        Triples three = sampler.sampleEpoch(new Rng(4), 3);
        assertEquals(3 * g.numEdges(), three.size());
        assertEquals(1, three.negativesPerPositive());
        for (int p = 0; p < g.numEdges(); p++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(one.users()[p], three.users()[3 * p + k]);
                assertEquals(one.positives()[p], three.positives()[3 * p + k]);
                assertFalse(g.contains(three.users()[3 * p + k], three.negatives()[3 * p + k]));
            }
        }
        assertEquals(one.negatives()[0], three.negatives()[0], "negatives drawn after the positives, in order");
    }

    @Test
    void negativesOfABatchAreDrawnPerPositiveFromTheirStream() {
        InteractionGraph g = Graphs.random(40, 30, 0.2, 8);
        NegativeSampler sampler = new NegativeSampler(g, Sampling.USER_UNIFORM);
        Triples epoch = sampler.sampleEpoch(new Rng(4), 0);
        int[] negatives = sampler.sampleNegatives(epoch.users(), 10, 20, 5, new Rng(9));
        assertEquals(50, negatives.length);
        for (int q = 0; q < 10; q++) {
            for (int k = 0; k < 5; k++) assertFalse(g.contains(epoch.users()[10 + q], negatives[5 * q + k]));
        }
        assertArrayEquals(negatives, sampler.sampleNegatives(epoch.users(), 10, 20, 5, new Rng(9)));
        var e = assertThrows(IllegalArgumentException.class, () -> sampler.sampleEpoch(new Rng(1), -1));
        assertEquals("negativesPerPositive must be >= 0, got -1", e.getMessage());
    }
}
