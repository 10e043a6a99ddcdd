package io.github.lightgcn.bench.als;

import java.util.Locale;

/**
 * One point of the ALS grid: Spark's {@code rank}, {@code regParam} (scaled by each row's number of ratings, as
 * Spark does) and {@code alpha} (the confidence of an implicit rating: 1 + alpha).
 */
public record AlsParams(int rank, double regParam, double alpha) {

    /** @throws IllegalArgumentException for a rank below 1 or a negative regParam or alpha */
    public AlsParams {
        if (rank < 1) throw new IllegalArgumentException("rank must be >= 1, got " + rank);
        if (!(regParam >= 0)) throw new IllegalArgumentException("regParam must be >= 0, got " + regParam);
        if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
    }

    /** e.g. {@code 128 / 0.1 / 1}, the form of ALS.md's table. */
    public String label() {
        return String.format(Locale.ROOT, "%d / %s / %s", rank, number(regParam), number(alpha));
    }

    /** A number without trailing zeros: 0.1, 1, 40. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
