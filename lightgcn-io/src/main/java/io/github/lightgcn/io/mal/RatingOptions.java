package io.github.lightgcn.io.mal;

import java.util.OptionalInt;

/**
 * How to turn rating rows into interactions. Immutable; start from {@link #defaults()}.
 *
 * @param minRating   when present, keep only scored rows with rating >= minRating (1..10), which drops the
 *                    unscored (-1) rows; when empty (the default) every row is an interaction, -1 included
 * @param skipBadRows skip and count malformed rows instead of failing on the first one
 */
public record RatingOptions(OptionalInt minRating, boolean skipBadRows) {

    public RatingOptions {
        if (minRating.isPresent() && (minRating.getAsInt() < 1 || minRating.getAsInt() > 10)) {
            throw new IllegalArgumentException("minRating must be in 1..10, got " + minRating.getAsInt());
        }
    }

    /** Every row counts (watched-but-unscored -1 too); a malformed row is an error. */
    public static RatingOptions defaults() {
        return new RatingOptions(OptionalInt.empty(), false);
    }

    /** Keep only rows scored {@code minRating} (1..10) or more. */
    public RatingOptions withMinRating(int minRating) {
        return new RatingOptions(OptionalInt.of(minRating), skipBadRows);
    }

    /** Count every row again, -1 included. */
    public RatingOptions withoutMinRating() {
        return new RatingOptions(OptionalInt.empty(), skipBadRows);
    }

    public RatingOptions withSkipBadRows(boolean skip) {
        return new RatingOptions(minRating, skip);
    }

    /** Whether a valid rating (-1 or 1..10) passes the filter. */
    boolean keeps(int rating) {
        return minRating.isEmpty() || rating >= minRating.getAsInt();
    }
}
