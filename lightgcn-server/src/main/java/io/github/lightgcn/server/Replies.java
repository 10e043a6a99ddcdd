package io.github.lightgcn.server;

import io.github.lightgcn.ScoredItem;
import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeModel;
import io.github.lightgcn.io.mal.model.AnimeQueryException;

import java.util.List;

/** The JSON shapes of the replies (Jackson writes records as objects, in component order). */
final class Replies {

    private Replies() {}

    /** One anime. */
    record Anime(int id, String title, List<String> genres, String type, int members) {
        static Anime of(AnimeInfo a) { return new Anime(a.id(), a.title(), a.genres(), a.type(), a.members()); }
    }

    /** One recommended or similar anime with its score (a dot product, or the cosine for similar anime). */
    record Scored(int id, String title, List<String> genres, String type, int members, float score) {
        static Scored of(ScoredItem s, AnimeModel model) {
            AnimeInfo a = model.info(s.item());
            return new Scored(a.id(), a.title(), a.genres(), a.type(), a.members(), s.score());
        }
    }

    /** A suggestion: the id and title of an anime a query may have meant. */
    record Suggestion(int id, String title) {
        static List<Suggestion> of(AnimeQueryException e) {
            return e.suggestions().stream().map(a -> new Suggestion(a.id(), a.title())).toList();
        }
    }

    /** A like that names no single anime: what was typed, why, and what it may have meant. */
    record Unknown(String query, String kind, String error, List<Suggestion> suggestions) {
        static Unknown of(AnimeQueryException e) {
            return new Unknown(e.query(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.getMessage(),
                    Suggestion.of(e));
        }
    }

    static List<Scored> scored(List<ScoredItem> items, AnimeModel model) {
        return items.stream().map(s -> Scored.of(s, model)).toList();
    }
}
