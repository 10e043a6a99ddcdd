package io.github.lightgcn.examples.training;

import io.github.lightgcn.io.split.LeaveOneOutSplitter;
import io.github.lightgcn.io.split.PerUserSplitter;
import io.github.lightgcn.io.split.RandomSplitter;
import io.github.lightgcn.io.split.SplitRatios;
import io.github.lightgcn.io.split.Splitter;

/** The {@code --split} choices of {@code train --anime ... --ratings ...}. */
public enum SplitKind {
    /** A seeded random cut of all interactions. */
    INTERACTION,
    /** Each user's interactions cut by the ratios. */
    USER,
    /** One validation and one test interaction per user (ratios ignored). */
    LOO;

    Splitter splitter(SplitRatios ratios) {
        return switch (this) {
            case INTERACTION -> new RandomSplitter(ratios);
            case USER -> new PerUserSplitter(ratios);
            case LOO -> new LeaveOneOutSplitter();
        };
    }

    String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
