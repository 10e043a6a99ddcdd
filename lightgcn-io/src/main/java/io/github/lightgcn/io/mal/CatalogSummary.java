package io.github.lightgcn.io.mal;

/**
 * What a catalog holds beyond its rows: how many values are absent, and how many titles had HTML entities
 * decoded while reading (0 for a catalog built in memory).
 *
 * @param anime           number of anime
 * @param emptyGenre      anime with no genre
 * @param emptyType       anime with no type
 * @param emptyRating     anime with no mean rating
 * @param unknownEpisodes anime whose episode count is unknown ({@code Unknown} or empty in the file)
 * @param emptyMembers    anime with no members count
 * @param namesDecoded    titles that contained at least one HTML entity
 */
public record CatalogSummary(int anime, int emptyGenre, int emptyType, int emptyRating, int unknownEpisodes,
                             int emptyMembers, int namesDecoded) {
}
