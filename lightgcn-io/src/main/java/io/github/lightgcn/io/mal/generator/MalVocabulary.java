package io.github.lightgcn.io.mal.generator;

import java.util.List;

/**
 * The category values of the real {@code anime.csv} (Kaggle dump, 12,294 anime), with how often each occurs
 * there, so generated data draws genres and types in the same proportions.
 */
final class MalVocabulary {

    private MalVocabulary() {}

    /** The 43 genres, alphabetical. */
    static final List<String> GENRES = List.of(
            "Action", "Adventure", "Cars", "Comedy", "Dementia", "Demons", "Drama", "Ecchi", "Fantasy", "Game",
            "Harem", "Hentai", "Historical", "Horror", "Josei", "Kids", "Magic", "Martial Arts", "Mecha", "Military",
            "Music", "Mystery", "Parody", "Police", "Psychological", "Romance", "Samurai", "School", "Sci-Fi",
            "Seinen", "Shoujo", "Shoujo Ai", "Shounen", "Shounen Ai", "Slice of Life", "Space", "Sports",
            "Super Power", "Supernatural", "Thriller", "Vampire", "Yaoi", "Yuri");

    /** Anime per genre in the real file, in {@link #GENRES} order. */
    static final int[] GENRE_COUNTS = {
            2845, 2348, 72, 4645, 240, 294, 2016, 637, 2309, 181,
            317, 1141, 806, 369, 54, 1609, 778, 265, 944, 426,
            860, 495, 408, 197, 229, 1464, 148, 1220, 2070,
            547, 603, 55, 1712, 65, 1220, 381, 543,
            465, 1037, 87, 102, 39, 42};

    /** Anime with 1, 2, ... 8 genres in the real file (a handful have more; 8 covers them). */
    static final int[] GENRES_PER_ANIME = {2866, 2677, 2599, 1940, 1261, 595, 228, 128};

    static final List<String> TYPES = List.of("TV", "OVA", "Movie", "Special", "ONA", "Music");

    static final int[] TYPE_COUNTS = {3787, 3311, 2348, 1676, 659, 488};

    /** Shares of anime with an empty genre, an empty type, no rating, {@code Unknown} episodes. */
    static final double EMPTY_GENRE = 62 / 12294.0, EMPTY_TYPE = 25 / 12294.0, EMPTY_RATING = 230 / 12294.0,
            UNKNOWN_EPISODES = 340 / 12294.0;

    /** Share of rating rows that are -1 (watched, not scored) in the real tail. */
    static final double UNSCORED = 19_319 / 97_470.0;
}
