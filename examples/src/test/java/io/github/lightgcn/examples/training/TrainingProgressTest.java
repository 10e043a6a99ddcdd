package io.github.lightgcn.examples.training;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

/** Off a terminal, a long epoch still shows progress: a plain line per interval, never at the epoch's end. */
class TrainingProgressTest {

    @Test
    void plainLinesInsideLongEpochs() {
        StringWriter text = new StringWriter();
        TrainingProgress every0s = new TrainingProgress(Progress.plain(), 10, 100, new PrintWriter(text), 0);
        for (int b = 1; b <= 4; b++) every0s.onBatch(7, b, 4);
        assertEquals("""
                  epoch 7: batch 1 of 4 (25%)
                  epoch 7: batch 2 of 4 (50%)
                  epoch 7: batch 3 of 4 (75%)
                """, text.toString().replace("\r\n", "\n"));

        StringWriter quiet = new StringWriter();
        TrainingProgress every30s = new TrainingProgress(Progress.plain(), 10, 100, new PrintWriter(quiet));
        for (int b = 1; b <= 1000; b++) every30s.onBatch(1, b, 1000);
        assertEquals("", quiet.toString(), "short epochs print nothing extra");
    }
}
