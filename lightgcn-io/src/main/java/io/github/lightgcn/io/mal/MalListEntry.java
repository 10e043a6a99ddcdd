package io.github.lightgcn.io.mal;

/**
 * One anime of a MyAnimeList list export.
 *
 * @param animeId the MAL anime id ({@code <series_animedb_id>}), positive
 * @param title   the title as the export gives it ({@code <series_title>}), or empty
 * @param score   the user's score 1..10, or 0 when the user gave none ({@code <my_score>} 0 or absent)
 * @param status  the list status ({@code <my_status>})
 * @param line    the line of the file where the entry's {@code <anime>} element starts
 */
public record MalListEntry(int animeId, String title, int score, MalListStatus status, long line) {

    /** Whether the user scored the anime. */
    public boolean scored() { return score > 0; }
}
