package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.io.mal.Anime;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a saved model keeps about one anime, enough to show a recommendation without {@code anime.csv}.
 *
 * @param id       the MAL anime id
 * @param title    the title as MAL writes it
 * @param genres   MAL's genres, in its order
 * @param type     TV, Movie, OVA, ...; empty when the catalog has none
 * @param episodes -1 when unknown
 * @param members  -1 when unknown
 */
public record AnimeInfo(int id, String title, List<String> genres, String type, int episodes, int members) {

    /** The genre of adult titles, left out of recommendations unless asked for. */
    public static final String ADULT_GENRE = "Hentai";

    /** Copies the genres. */
    public AnimeInfo {
        genres = List.copyOf(genres);
    }

    /** The metadata of a catalog record. */
    public static AnimeInfo of(Anime a) {
        return new AnimeInfo(a.id(), a.name(), a.genres(), a.type().orElse(""), a.episodes().orElse(-1),
                a.members().orElse(-1));
    }

    /** Back to the catalog record, so the title lookup of the io layer can be reused. */
    public Anime toAnime() {
        return new Anime(id, title, genres, type.isEmpty() ? Optional.empty() : Optional.of(type),
                episodes < 0 ? OptionalInt.empty() : OptionalInt.of(episodes), OptionalDouble.empty(),
                members < 0 ? OptionalInt.empty() : OptionalInt.of(members));
    }

    /** Whether one of the genres is {@code genre}, ignoring case. */
    public boolean hasGenreIgnoreCase(String genre) {
        return genres.stream().anyMatch(g -> g.equalsIgnoreCase(genre));
    }

    /** Whether this is an adult title (genre {@value #ADULT_GENRE}). */
    public boolean isAdult() {
        return hasGenreIgnoreCase(ADULT_GENRE);
    }
}
