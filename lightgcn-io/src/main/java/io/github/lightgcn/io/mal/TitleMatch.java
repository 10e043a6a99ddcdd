package io.github.lightgcn.io.mal;

import java.util.List;

/** The outcome of looking up a title typed by a person ({@link TitleIndex#resolve(String)}). */
public sealed interface TitleMatch {

    /** The query names exactly one anime (case-insensitive, accents and spacing ignored). */
    record Exact(Anime anime) implements TitleMatch {}

    /** No title equals the query, but exactly one starts with it. */
    record Prefix(Anime anime) implements TitleMatch {}

    /** Several titles equal, or start with, the query; most members first. */
    record Ambiguous(String query, List<Anime> candidates) implements TitleMatch {
        public Ambiguous { candidates = List.copyOf(candidates); }
    }

    /** Nothing equals or starts with the query; close matches (possibly none), best first. */
    record NotFound(String query, List<Anime> suggestions) implements TitleMatch {
        public NotFound { suggestions = List.copyOf(suggestions); }
    }

    /** Whether one anime was identified. */
    default boolean found() {
        return this instanceof Exact || this instanceof Prefix;
    }
}
