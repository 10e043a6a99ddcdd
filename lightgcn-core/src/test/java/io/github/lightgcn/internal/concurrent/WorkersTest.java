package io.github.lightgcn.internal.concurrent;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.*;

class WorkersTest {

    @Test
    void everyTaskRunsExactlyOnceRunAfterRunWithVaryingCounts() {
        try (Workers w = new Workers(3)) {
            for (int round = 0; round < 200; round++) {
                int tasks = 1 + round % 13;
                AtomicIntegerArray hits = new AtomicIntegerArray(tasks);
                w.run(tasks, hits::incrementAndGet);
                for (int t = 0; t < tasks; t++) assertEquals(1, hits.get(t), "round " + round + " task " + t);
            }
        }
    }

    @Test
    void tasksOfOneRunRunAtTheSameTimeOnTwoThreads() throws Exception {
        // each task waits for the other: this finishes only if the caller and a helper run them side by side
        try (Workers w = new Workers(2)) {
            for (int r = 0; r < 50; r++) {
                int round = r;
                java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
                java.util.Set<Thread> ran = java.util.concurrent.ConcurrentHashMap.newKeySet();
                w.run(2, t -> {
                    ran.add(Thread.currentThread());
                    both.countDown();
                    try {
                        assertTrue(both.await(10, java.util.concurrent.TimeUnit.SECONDS), "round " + round);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertEquals(2, ran.size(), "two threads");
                assertTrue(ran.contains(Thread.currentThread()), "the caller takes part");
                if (round % 10 == 0) Thread.sleep(2); // let the helper park between some rounds
            }
        }
    }

    @Test
    void theCallerWaitsOutALongHelperTask() {
        // the helper's task outlasts the caller's spin and yield phases: the caller must still see it finish
        try (Workers w = new Workers(2)) {
            AtomicIntegerArray hits = new AtomicIntegerArray(2);
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
                Thread caller = Thread.currentThread(); // the timeout runs this in a thread of its own
                for (int round = 0; round < 3; round++) {
                    w.run(2, t -> {
                        if (Thread.currentThread() != caller) {
                            try {
                                Thread.sleep(30);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        hits.incrementAndGet(t);
                    });
                }
            });
            for (int t = 0; t < 2; t++) assertEquals(3, hits.get(t), "task " + t);
        }
    }

    @Test
    void weightedRangesSplitByTotalWeightByHand() {
        int[] heavyLast = {1, 1, 1, 1, 4}; // total 8: the first range ends once it holds 4
        assertArrayEquals(new int[]{0, 4, 5}, Workers.weightedRanges(5, i -> heavyLast[i], new int[3]));
        assertArrayEquals(new int[]{0, 2, 4, 6}, Workers.weightedRanges(6, i -> 2, new int[]{9, 9, 9, 9}));
        assertArrayEquals(new int[]{0, 3}, Workers.weightedRanges(3, i -> 5, new int[2]));
        assertArrayEquals(new int[]{0, 0, 0}, Workers.weightedRanges(0, i -> 1, new int[3]));
    }

    @Test
    void aFailingTaskPropagatesAfterTheOthersFinishAndTheWorkersStayUsable() {
        try (Workers w = new Workers(2)) {
            for (int failing : new int[]{0, 3, 7}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(8);
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.run(8, t -> {
                    hits.incrementAndGet(t);
                    if (t == failing) throw new IllegalStateException("task " + t);
                }));
                assertTrue(e.getMessage().contains("task " + failing), e.getMessage());
                for (int t = 0; t < 8; t++) assertEquals(1, hits.get(t), "task " + t + " ran once");
            }
            AtomicIntegerArray after = new AtomicIntegerArray(5);
            w.run(5, after::incrementAndGet);
            for (int t = 0; t < 5; t++) assertEquals(1, after.get(t));
        }
    }

    @Test
    void nestedRunsAndConcurrentCallersEachGetAllTheirTasks() throws Exception {
        try (Workers w = new Workers(2)) {
            AtomicIntegerArray inner = new AtomicIntegerArray(4 * 6);
            w.run(4, outer -> w.run(6, t -> inner.incrementAndGet(outer * 6 + t)));
            for (int k = 0; k < inner.length(); k++) assertEquals(1, inner.get(k), "nested " + k);

            AtomicIntegerArray a = new AtomicIntegerArray(10), b = new AtomicIntegerArray(10);
            Thread other = new Thread(() -> { for (int r = 0; r < 500; r++) w.run(10, a::incrementAndGet); });
            other.start();
            for (int r = 0; r < 500; r++) w.run(10, b::incrementAndGet);
            other.join();
            for (int t = 0; t < 10; t++) {
                assertEquals(500, a.get(t), "other thread, task " + t);
                assertEquals(500, b.get(t), "this thread, task " + t);
            }
        }
    }
}
