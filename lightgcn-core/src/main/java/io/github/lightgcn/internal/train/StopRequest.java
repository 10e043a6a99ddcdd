package io.github.lightgcn.internal.train;

import io.github.lightgcn.StopReason;

/**
 * A request to stop a running fit, made from any thread (e.g. a shutdown hook on Ctrl-C). The loop looks at it
 * after every batch, so a run stops within a batch; at the end of an epoch it is the rule that ends the run as
 * {@link StopReason#INTERRUPTED}.
 */
public final class StopRequest implements StoppingRule {

    private volatile boolean requested;

    /** Asks the run to stop after its current batch. */
    public void request() { requested = true; }

    /** Forgets an earlier request (at the start of a fit). */
    public void clear() { requested = false; }

    public boolean requested() { return requested; }

    @Override
    public StopReason check(EpochEnd end) { return requested ? StopReason.INTERRUPTED : null; }
}
