package io.github.lightgcn.eval;

/**
 * Hears how far an evaluation has got, e.g. to drive a progress bar. Calls come from the evaluation's worker
 * threads but never two at once, with {@code done} increasing from call to call and reaching {@code total}.
 */
@FunctionalInterface
public interface EvaluationListener {

    /** {@code done} of the {@code total} evaluated users (those with a relevant item) are ranked. */
    void usersRanked(int done, int total);
}
