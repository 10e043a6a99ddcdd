package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.io.mal.model.AnimeQueryException.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which anime a person wants to see: no adult titles (genre {@value AnimeInfo#ADULT_GENRE}) unless asked, and
 * optionally only one genre, one type, or anime with at least so many MAL members. Used by every recommendation
 * and similarity query of the command line and the service, so they leave out the same anime.
 *
 * <p>{@link #excluded(AnimeModel)} checks the genre and type against the model's own (an unknown one is an
 * {@link AnimeQueryException} listing the known ones) and gives the predicate that
 * {@code RecommendOptions.exclude} takes.
 */
public final class AnimeFilter {

    /** The most members MAL counts for any anime is a few million; the bound only catches typos. */
    public static final int MAX_MIN_MEMBERS = 100_000_000;

    private static final AnimeFilter DEFAULT = new AnimeFilter(false, null, null, 0);

    private final boolean includeAdult;
    private final String genre;
    private final String type;
    private final int minMembers;

    private AnimeFilter(boolean includeAdult, String genre, String type, int minMembers) {
        this.includeAdult = includeAdult;
        this.genre = genre;
        this.type = type;
        this.minMembers = minMembers;
    }

    /** No adult titles, nothing else filtered. */
    public static AnimeFilter defaults() { return DEFAULT; }

    /** This filter with adult titles shown ({@code true}) or left out ({@code false}, the default). */
    public AnimeFilter includeAdult(boolean include) {
        return new AnimeFilter(include, genre, type, minMembers);
    }

    /** This filter keeping only anime of {@code genre} (ignoring case), or any genre when null or blank. */
    public AnimeFilter genre(String genre) {
        return new AnimeFilter(includeAdult, blankToNull(genre), type, minMembers);
    }

    /** This filter keeping only anime of {@code type} (TV, Movie, ...; ignoring case), or any when null or blank. */
    public AnimeFilter type(String type) {
        return new AnimeFilter(includeAdult, genre, blankToNull(type), minMembers);
    }

    /**
     * This filter keeping only anime with at least {@code minMembers} MAL members (anime whose count is unknown are
     * left out when it is above 0).
     *
     * @throws AnimeQueryException when minMembers is outside [0, {@value #MAX_MIN_MEMBERS}]
     */
    public AnimeFilter minMembers(int minMembers) {
        if (minMembers < 0 || minMembers > MAX_MIN_MEMBERS) {
            throw new AnimeQueryException(Kind.INVALID, Integer.toString(minMembers), "the minimum member count must "
                    + "be in [0, " + MAX_MIN_MEMBERS + "], got " + minMembers, List.of());
        }
        return new AnimeFilter(includeAdult, genre, type, minMembers);
    }

    /** Whether adult titles are shown. */
    public boolean includesAdult() { return includeAdult; }

    /** Whether the anime passes the filter. */
    public boolean accepts(AnimeInfo a) {
        if (!includeAdult && a.isAdult()) return false;
        if (genre != null && !a.hasGenreIgnoreCase(genre)) return false;
        if (type != null && !a.type().equalsIgnoreCase(type)) return false;
        return minMembers == 0 || a.members() >= minMembers;
    }

    /**
     * The items of {@code model} the filter leaves out, as a predicate on item indexes.
     *
     * @throws AnimeQueryException when the genre or type is not one of the model's (the message lists them)
     */
    public IntPredicate excluded(AnimeModel model) {
        if (genre != null && !genres(model).contains(genre)) {
            throw new AnimeQueryException(Kind.INVALID, genre, "unknown genre '" + genre + "'; the model's genres: "
                    + String.join(", ", genres(model)), List.of());
        }
        if (type != null && !types(model).contains(type)) {
            throw new AnimeQueryException(Kind.INVALID, type, "unknown type '" + type + "'; the model's types: "
                    + String.join(", ", types(model)), List.of());
        }
        // a service asks the same few filters again and again: each one's table is computed once per model
        boolean[] out = model.exclusions().computeIfAbsent(this, f -> {
            boolean[] table = new boolean[model.allInfo().size()];
            for (int i = 0; i < table.length; i++) table[i] = !f.accepts(model.info(i));
            return table;
        });
        return i -> out[i];
    }

    /** The genres of the model's anime, sorted ignoring case (unmodifiable). */
    public static Set<String> genres(AnimeModel model) {
        return model.genres();
    }

    /** The types of the model's anime, sorted ignoring case (unmodifiable). */
    public static Set<String> types(AnimeModel model) {
        return model.types();
    }

    /** Filters that keep the same anime are equal (genre and type compared ignoring case). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AnimeFilter)) return false;
        AnimeFilter f = (AnimeFilter) o;
        return includeAdult == f.includeAdult && minMembers == f.minMembers && sameIgnoringCase(genre, f.genre)
                && sameIgnoringCase(type, f.type);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(includeAdult, minMembers, genre == null ? null : genre.toLowerCase(Locale.ROOT),
                type == null ? null : type.toLowerCase(Locale.ROOT));
    }

    private static boolean sameIgnoringCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /**
     * What the filter keeps, for a heading: e.g. {@code ", genre Comedy, type TV, at least 10000 members"}; empty
     * when only the adult titles are filtered (the default, said in the commands' help) or nothing is.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (genre != null) parts.add("genre " + genre);
        if (type != null) parts.add("type " + type);
        if (minMembers > 0) parts.add(String.format(Locale.ROOT, "at least %d members", minMembers));
        return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
