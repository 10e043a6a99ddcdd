package io.github.lightgcn.io.mal;

import java.util.List;

/**
 * What happened to the rows of a rating file. Every row read ends up in exactly one bucket:
 * {@code rowsRead = skippedBad + filteredByMinRating + droppedUnknownAnime + duplicatesMerged + kept}.
 *
 * @param rowsRead            data rows (the header and blank lines excluded)
 * @param kept                distinct (user, anime) interactions in the dataset
 * @param skippedBad          malformed rows skipped (only with {@link RatingOptions#skipBadRows()})
 * @param filteredByMinRating valid rows below the minimum rating (unscored -1 rows included)
 * @param droppedUnknownAnime rows whose anime_id is not in the catalog
 * @param duplicatesMerged    rows repeating an earlier (user, anime) pair
 * @param unscored            valid rows with rating -1 (watched, not scored), whatever happened to them next
 * @param hadHeader           whether the first row was a header
 * @param badRowExamples      the problems of the first few skipped rows, for a report
 */
public record LoadSummary(long rowsRead, long kept, long skippedBad, long filteredByMinRating,
                          long droppedUnknownAnime, long duplicatesMerged, long unscored, boolean hadHeader,
                          List<String> badRowExamples) {

    public LoadSummary {
        badRowExamples = List.copyOf(badRowExamples);
    }

    /** One line for logs. */
    public String describe() {
        return String.format("%,d rows read: %,d interactions kept, %,d bad rows skipped, %,d below min rating, "
                        + "%,d unknown anime dropped, %,d duplicates merged", rowsRead, kept, skippedBad,
                filteredByMinRating, droppedUnknownAnime, duplicatesMerged);
    }
}
