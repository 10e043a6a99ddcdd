package io.github.lightgcn.tune;

/** Sees the search as it goes (on the tuning thread; keep it quick). Both methods default to no-ops. */
public interface TuningListener {

    /** A configuration starts training at a rung ({@code remaining} trials of the rung after this one). */
    default void onTrialStart(int id, int rung, java.util.Map<String, String> params, int remaining) {}

    /** A trial finished (or was carried forward, or read back from the journal when resuming). */
    default void onTrial(Trial trial, boolean fromJournal) {}
}
