package io.github.lightgcn.io.mal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One row of {@code anime.csv}. Values the dump leaves out (an empty genre, type, rating or members field,
 * {@code Unknown} episodes) are empty optionals, not errors.
 *
 * @param id       the MyAnimeList anime_id
 * @param name     the title with HTML entities decoded ({@code Gintama'}, not {@code Gintama&#039;})
 * @param genres   the genre list in file order; empty when the field is empty
 * @param type     TV, OVA, Movie, Special, ONA, Music, ...
 * @param episodes the episode count
 * @param rating   the mean MAL score, 0..10
 * @param members  how many MAL users have it in their list
 */
public record Anime(int id, String name, List<String> genres, Optional<String> type, OptionalInt episodes,
                    OptionalDouble rating, OptionalInt members) {

    /** @throws NullPointerException for a null name, genre list or optional */
    public Anime {
        Objects.requireNonNull(name, "name");
        genres = List.copyOf(genres);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(episodes, "episodes");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(members, "members");
    }

    /** Whether the genre list holds {@code genre} (exact spelling, e.g. {@code Sci-Fi}). */
    public boolean hasGenre(String genre) {
        return genres.contains(genre);
    }

    /** {@code 5114 Fullmetal Alchemist: Brotherhood (TV)}: for listings and messages. */
    public String label() {
        return id + " " + name + type.map(t -> " (" + t + ")").orElse("");
    }
}
