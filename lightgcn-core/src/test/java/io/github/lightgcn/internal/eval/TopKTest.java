package io.github.lightgcn.internal.eval;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class TopKTest {

    @Test
    void matchesAFullSortWithLowerIdFirstOnTies() {
        Random r = new Random(4);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(60), k = 1 + r.nextInt(15);
            float[] s = new float[n];
            for (int i = 0; i < n; i++) s[i] = r.nextInt(8); // many ties
            TopK top = new TopK(k);
            for (int i = 0; i < n; i++) top.offer(i, s[i]);
            int[] items = new int[k];
            float[] scores = new float[k];
            int got = top.drainBestFirst(items, scores);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertEquals(expected.length, got);
            for (int p = 0; p < got; p++) {
                assertEquals(expected[p], items[p], "trial " + trial + " position " + p);
                assertEquals(s[expected[p]], scores[p]);
            }
        }
    }

    @Test
    void ignoresNaN() {
        TopK top = new TopK(2);
        top.offer(0, Float.NaN);
        top.offer(1, 1f);
        int[] items = new int[2];
        assertEquals(1, top.drainBestFirst(items, null));
        assertEquals(1, items[0]);
    }
}
