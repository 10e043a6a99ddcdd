package io.github.lightgcn.io.mal.model;

import java.util.List;

/**
 * A title, id or filter that a person typed and that names no single anime, or no known genre or type. The message
 * is one complete line for a person; {@link #kind()} lets a service answer 400 or 404, and {@link #suggestions()}
 * lists the anime it may have meant.
 */
public final class AnimeQueryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The query is malformed (empty, a bad id, an unknown genre or type, too many likes). */
        INVALID,
        /** No anime of the model has that title or id. */
        UNKNOWN,
        /** Several anime match; the suggestions are the candidates. */
        AMBIGUOUS
    }

    private final Kind kind;
    private final String query;
    private final transient List<AnimeInfo> suggestions;

    /** An error about {@code query} with the anime it may have meant, best first. */
    public AnimeQueryException(Kind kind, String query, String message, List<AnimeInfo> suggestions) {
        super(message);
        this.kind = kind;
        this.query = query;
        this.suggestions = List.copyOf(suggestions);
    }

    /** What went wrong. */
    public Kind kind() { return kind; }

    /** What the person typed. */
    public String query() { return query; }

    /** The anime the query may have meant, best first (maybe none). */
    public List<AnimeInfo> suggestions() { return suggestions == null ? List.of() : suggestions; }
}
