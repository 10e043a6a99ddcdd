package io.github.lightgcn.io.mal.generator;

import java.nio.file.Path;

/**
 * What {@link MalGenerator} wrote.
 *
 * @param animeCsv     the catalog, Kaggle {@code anime.csv} layout
 * @param ratingsCsv   the ratings, {@code user_id,anime_id,rating} with a header, CRLF
 * @param anime        catalog rows
 * @param users        users (ids 1..users)
 * @param interactions rating rows, each a distinct (user, anime) pair
 * @param unscored     rows with rating -1
 */
public record GeneratedData(Path animeCsv, Path ratingsCsv, int anime, int users, long interactions, long unscored) {
}
