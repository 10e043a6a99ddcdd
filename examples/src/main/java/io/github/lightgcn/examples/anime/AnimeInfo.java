package io.github.lightgcn.examples.anime;

import io.github.lightgcn.io.mal.Anime;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a saved model keeps about one anime, enough to print a recommendation without {@code anime.csv}.
 *
 * @param type     empty when the catalog has none
 * @param episodes -1 when unknown
 * @param members  -1 when unknown
 */
public record AnimeInfo(int id, String title, List<String> genres, String type, int episodes, int members) {

    public AnimeInfo {
        genres = List.copyOf(genres);
    }

    static AnimeInfo of(Anime a) {
        return new AnimeInfo(a.id(), a.name(), a.genres(), a.type().orElse(""), a.episodes().orElse(-1),
                a.members().orElse(-1));
    }

    /** Back to the catalog record, so the title lookup of the io layer can be reused. */
    Anime toAnime() {
        return new Anime(id, title, genres, type.isEmpty() ? Optional.empty() : Optional.of(type),
                episodes < 0 ? OptionalInt.empty() : OptionalInt.of(episodes), OptionalDouble.empty(),
                members < 0 ? OptionalInt.empty() : OptionalInt.of(members));
    }

    public boolean hasGenreIgnoreCase(String genre) {
        return genres.stream().anyMatch(g -> g.equalsIgnoreCase(genre));
    }
}
