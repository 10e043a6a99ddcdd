package io.github.lightgcn;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** A lazy value (the norms of cosine similarity, the popularity order) is computed once, however many threads ask. */
class LazyTest {

    @Test
    void computedOnceUnderContention() throws Exception {
        for (int round = 0; round < 20; round++) {
            AtomicInteger calls = new AtomicInteger();
            Lazy<double[]> lazy = new Lazy<>(() -> {
                calls.incrementAndGet();
                return new double[]{1};
            });
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<double[]> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    seen.add(lazy.get());
                });
                th.start();
                threads.add(th);
            }
            start.countDown();
            for (Thread th : threads) th.join();
            assertEquals(1, calls.get());
            for (double[] v : seen) assertSame(seen.getFirst(), v);
        }
    }
}
