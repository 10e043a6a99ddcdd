package io.github.lightgcn.bench.als;

import io.github.lightgcn.eval.Metrics;

/**
 * One fitted grid point: its validation metrics and how long Spark's {@code fit} took.
 *
 * @param fitSeconds wall time of {@code ALS.fit} (the factors are materialised inside it)
 */
public record GridResult(AlsParams params, Metrics validation, double fitSeconds) {

    /** The selection criterion, NDCG@20 on validation. */
    public double score() { return validation.ndcg(AlsBenchmark.K); }
}
