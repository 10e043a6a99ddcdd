package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.io.mal.Anime;
import io.github.lightgcn.io.mal.TitleIndex;
import io.github.lightgcn.io.mal.TitleMatch;
import io.github.lightgcn.io.mal.model.AnimeQueryException.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a person types ({@code "Cowboy Bebop"}, {@code "cowboy"}, {@code 5114}) into the item index of an
 * anime the model knows, or an {@link AnimeQueryException} with a one-line message: ambiguous titles list the
 * candidates, unknown ones suggest close titles. Titles are matched case-insensitively, exactly or by a unique
 * prefix, among the model's anime only.
 *
 * <p>A number is a MAL id, unless it is written with a leading zero (MAL ids have none: {@code 001} is the title
 * "001" if there is one) or it is also exactly the title of another anime, which is an ambiguity. {@code id:1} and {@code title:001} say which
 * is meant.
 */
public final class AnimeLookup {

    private static final int CANDIDATES_SHOWN = 5;
    /** The most likes one new user may give (the service takes at most 1,000). */
    public static final int MAX_LIKES = 10_000;
    /** Forces a query to be read as a MAL id. */
    public static final String ID_PREFIX = "id:";
    /** Forces a query to be read as a title. */
    public static final String TITLE_PREFIX = "title:";

    private final AnimeModel model;

    /** A lookup among the anime of {@code model}. */
    public AnimeLookup(AnimeModel model) { this.model = model; }

    /**
     * The item index of one title or MAL id.
     *
     * @throws AnimeQueryException when the query names no anime of the model, or several
     */
    public int resolve(String query) {
        String q = query.strip();
        if (q.isEmpty()) throw new AnimeQueryException(Kind.INVALID, query, "an empty anime title was given", List.of());
        if (startsWithIgnoreCase(q, ID_PREFIX)) return byId(q, q.substring(ID_PREFIX.length()).strip());
        if (startsWithIgnoreCase(q, TITLE_PREFIX)) return byTitle(q.substring(TITLE_PREFIX.length()).strip());
        if (!isNumber(q)) return byTitle(q);
        List<Anime> sameTitle = titles().exact(q);
        if (q.length() > 1 && q.charAt(0) == '0') { // not how MAL writes ids: a title first
            return sameTitle.size() == 1 ? index(sameTitle.get(0)) : byId(q, q);
        }
        int item = model.anime().indexOf(Integer.parseInt(q));
        if (item < 0) { // a number may also be a title (e.g. "86"): try that before giving up
            TitleMatch m = titles().resolve(q);
            return m.found() ? byTitle(q) : byId(q, q);
        }
        if (sameTitle.size() == 1 && index(sameTitle.get(0)) != item) {
            Anime titled = sameTitle.get(0);
            throw new AnimeQueryException(Kind.AMBIGUOUS, q, "'" + q + "' is both the MAL id of '"
                    + model.info(item).title() + "' and the title of anime " + titled.id() + "; write " + ID_PREFIX
                    + q + " or " + TITLE_PREFIX + q, List.of(model.info(item), model.info(index(titled))));
        }
        return item;
    }

    /**
     * A comma-separated list of titles or ids. A title that itself contains commas still works: when a piece
     * does not name an anime, it is joined with the next ones as long as that gives an exact title.
     *
     * @throws AnimeQueryException for the first piece that names no anime, or when the list names none or more than
     *                             {@value #MAX_LIKES}
     */
    public int[] resolveList(String list) {
        String[] parts = list.split(",");
        if (parts.length > MAX_LIKES) {
            throw new AnimeQueryException(Kind.INVALID, list, "--likes names " + parts.length + " anime; at most "
                    + MAX_LIKES + " are taken", List.of());
        }
        // a piece joins at most as many following pieces as the title with the most commas has commas: without this
        // bound every piece tried every join to the end of the list, cubic in the number of likes
        int maxJoin = maxCommasInATitle();
        Set<Integer> items = new LinkedHashSet<>();
        for (int p = 0; p < parts.length; p++) {
            if (parts[p].isBlank()) continue;
            int joinedUpTo = -1;
            for (int q = Math.min(parts.length - 1, p + maxJoin); q > p; q--) { // longest join first
                String joined = String.join(",", Arrays.asList(parts).subList(p, q + 1)).strip();
                List<Anime> exact = titles().exact(joined);
                if (exact.size() == 1) {
                    items.add(index(exact.get(0)));
                    joinedUpTo = q;
                    break;
                }
            }
            if (joinedUpTo >= 0) {
                p = joinedUpTo;
            } else {
                items.add(resolve(parts[p]));
            }
        }
        if (items.isEmpty()) throw new AnimeQueryException(Kind.INVALID, list, "--likes names no anime", List.of());
        return items.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What {@link #resolveEach} found: the distinct items in the order given, and the queries that failed. */
    public record Resolution(int[] items, List<AnimeQueryException> failures) {
        /** Copies both. */
        public Resolution {
            items = items.clone();
            failures = List.copyOf(failures);
        }

        /** The item indexes (a copy). */
        @Override
        public int[] items() { return items.clone(); }
    }

    /**
     * Each query on its own (a service's list of likes): the ones that name an anime, and the ones that do not,
     * instead of failing at the first.
     *
     * @throws AnimeQueryException when there are more than {@value #MAX_LIKES} queries
     */
    public Resolution resolveEach(List<String> queries) {
        if (queries.size() > MAX_LIKES) {
            throw new AnimeQueryException(Kind.INVALID, "", queries.size() + " likes were given; at most " + MAX_LIKES
                    + " are taken", List.of());
        }
        Set<Integer> items = new LinkedHashSet<>();
        List<AnimeQueryException> failures = new ArrayList<>();
        for (String q : queries) {
            try {
                items.add(resolve(q));
            } catch (AnimeQueryException e) {
                failures.add(e);
            }
        }
        return new Resolution(items.stream().mapToInt(Integer::intValue).toArray(), failures);
    }

    private int byId(String query, String digits) {
        if (!isNumber(digits)) {
            throw new AnimeQueryException(Kind.INVALID, query, "'" + query + "' is not a MAL id (a number)", List.of());
        }
        int item = model.anime().indexOf(Integer.parseInt(digits));
        if (item < 0) {
            throw new AnimeQueryException(Kind.UNKNOWN, query, "anime id " + Integer.parseInt(digits)
                    + " is not in the model (no training interaction with it)", List.of());
        }
        return item;
    }

    private int byTitle(String q) {
        if (q.isEmpty()) throw new AnimeQueryException(Kind.INVALID, q, "an empty anime title was given", List.of());
        TitleMatch m = titles().resolve(q);
        if (m instanceof TitleMatch.Exact) return index(((TitleMatch.Exact) m).anime());
        if (m instanceof TitleMatch.Prefix) return index(((TitleMatch.Prefix) m).anime());
        if (m instanceof TitleMatch.Ambiguous) {
            List<Anime> candidates = ((TitleMatch.Ambiguous) m).candidates();
            throw new AnimeQueryException(Kind.AMBIGUOUS, q, "'" + q + "' matches " + candidates.size() + " anime: "
                    + list(candidates) + (candidates.size() > CANDIDATES_SHOWN ? ", ..." : "")
                    + "; give more of the title or the MAL id", infos(candidates));
        }
        List<Anime> suggestions = ((TitleMatch.NotFound) m).suggestions();
        throw new AnimeQueryException(Kind.UNKNOWN, q, "no anime titled '" + q + "' among the "
                + model.anime().size() + " anime of the model" + (suggestions.isEmpty() ? ""
                : "; did you mean " + list(suggestions) + "?"), infos(suggestions));
    }

    private TitleIndex titles() { return model.catalog().titles(); }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private int maxCommasInATitle() {
        int max = 0;
        for (AnimeInfo info : model.allInfo()) {
            int commas = (int) info.title().chars().filter(c -> c == ',').count();
            max = Math.max(max, commas);
        }
        return max;
    }

    private int index(Anime a) {
        return model.anime().indexOf(a.id());
    }

    private List<AnimeInfo> infos(List<Anime> anime) {
        return anime.stream().limit(CANDIDATES_SHOWN).map(a -> model.info(index(a))).collect(Collectors.toList());
    }

    private static String list(List<Anime> anime) {
        List<Anime> shown = new ArrayList<>(anime.subList(0, Math.min(CANDIDATES_SHOWN, anime.size())));
        return shown.stream().map(a -> "'" + a.name() + "' (" + a.id() + ")").collect(Collectors.joining(", "));
    }
}
