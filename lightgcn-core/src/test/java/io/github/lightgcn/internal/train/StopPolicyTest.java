package io.github.lightgcn.internal.train;

import io.github.lightgcn.StopReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The rules of a fit in their order of precedence, as {@link TrainingLoop} builds its policy. */
class StopPolicyTest {

    private final EarlyStopping patience = new EarlyStopping(1, 0);
    private final StopRequest stop = new StopRequest();
    private final StopPolicy policy = new StopPolicy(StoppingRule.epochBudget(10), patience, stop,
            StoppingRule.timeBound(60));

    private StopReason at(int epoch, double seconds, boolean evaluated) {
        return policy.check(new StoppingRule.EpochEnd(epoch, seconds, evaluated));
    }

    @Test
    void eachRuleAlone() {
        assertNull(at(3, 10, true));
        assertEquals(StopReason.COMPLETED, at(10, 10, false));
        assertEquals(StopReason.TIME_BOUND, at(3, 60, false));
        stop.request();
        assertEquals(StopReason.INTERRUPTED, at(3, 10, false));
        stop.clear();
        patience.update(1, 0.5);
        patience.update(2, 0.4); // no improvement: patience 1 has run out
        assertEquals(StopReason.EARLY_STOPPED, at(3, 10, true));
        assertNull(at(3, 10, false), "only an evaluation ends the run by patience");
    }

    @Test
    void theLastEpochCompletesTheRunWhateverElseHolds() {
        patience.update(1, 0.5);
        patience.update(2, 0.4);
        stop.request();
        assertEquals(StopReason.COMPLETED, at(10, 600, true));
        assertEquals(StopReason.EARLY_STOPPED, at(9, 600, true), "patience before a stop request and the time");
        assertEquals(StopReason.INTERRUPTED, at(9, 600, false), "a stop request before the time bound");
    }

    @Test
    void aTimeBoundOfZeroNeverStops() {
        assertNull(StoppingRule.timeBound(0).check(new StoppingRule.EpochEnd(1, 1e9, true)));
    }
}
