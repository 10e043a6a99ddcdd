package io.github.lightgcn.internal.train;

import io.github.lightgcn.StopReason;

import java.util.List;

/** Stopping rules in order of precedence: the first that gives a reason decides why the run ends. */
final class StopPolicy {

    private final List<StoppingRule> rules;

    StopPolicy(StoppingRule... rules) {
        this.rules = List.of(rules);
    }

    /** The reason of the first rule that ends the run after this epoch, or null to go on. */
    StopReason check(StoppingRule.EpochEnd end) {
        for (StoppingRule rule : rules) {
            StopReason reason = rule.check(end);
            if (reason != null) return reason;
        }
        return null;
    }
}
