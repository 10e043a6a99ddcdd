package io.github.lightgcn.examples.anime;

import io.github.lightgcn.examples.cli.CliFailure;
import io.github.lightgcn.io.mal.Anime;
import io.github.lightgcn.io.mal.TitleMatch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a person types ({@code "Cowboy Bebop"}, {@code "cowboy"}, {@code 5114}) into the item index of an
 * anime the model knows, or a one-line error: ambiguous titles list the candidates, unknown ones suggest close
 * titles. Titles are matched case-insensitively, exactly or by a unique prefix, among the model's anime only.
 */
public final class AnimeLookup {

    private static final int CANDIDATES_SHOWN = 5;
    /** The most likes one new user may give (the service takes at most 1,000). */
    public static final int MAX_LIKES = 10_000;

    private final AnimeModel model;

    public AnimeLookup(AnimeModel model) { this.model = model; }

    /** The item index of one title or MAL id. */
    public int resolve(String query) {
        String q = query.strip();
        if (q.isEmpty()) throw new CliFailure("an empty anime title was given");
        if (q.chars().allMatch(Character::isDigit) && q.length() < 10) {
            int id = Integer.parseInt(q);
            int item = model.anime().indexOf(id);
            if (item >= 0) return item;
            // a number may also be a title (e.g. "86"): try that before giving up
            TitleMatch m = model.catalog().titles().resolve(q);
            if (m.found()) return index(m);
            throw new CliFailure("anime id " + id + " is not in the model (no training interaction with it)");
        }
        TitleMatch m = model.catalog().titles().resolve(q);
        return switch (m) {
            case TitleMatch.Exact e -> index(m);
            case TitleMatch.Prefix p -> index(m);
            case TitleMatch.Ambiguous a -> throw new CliFailure("'" + q + "' matches " + a.candidates().size()
                    + " anime: " + list(a.candidates()) + (a.candidates().size() > CANDIDATES_SHOWN ? ", ..." : "")
                    + "; give more of the title or the MAL id");
            case TitleMatch.NotFound n -> throw new CliFailure("no anime titled '" + q + "' among the "
                    + model.anime().size() + " anime of the model" + (n.suggestions().isEmpty() ? ""
                    : "; did you mean " + list(n.suggestions()) + "?"));
        };
    }

    /**
     * A comma-separated list of titles or ids. A title that itself contains commas still works: when a piece
     * does not name an anime, it is joined with the next ones as long as that gives an exact title.
     */
    public int[] resolveList(String list) {
        String[] parts = list.split(",");
        if (parts.length > MAX_LIKES) {
            throw new CliFailure("--likes names " + parts.length + " anime; at most " + MAX_LIKES + " are taken");
        }
        // a piece joins at most as many following pieces as the title with the most commas has commas: without this
        // bound every piece tried every join to the end of the list, cubic in the number of likes
        int maxJoin = maxCommasInATitle();
        Set<Integer> items = new LinkedHashSet<>();
        for (int p = 0; p < parts.length; p++) {
            if (parts[p].isBlank()) continue;
            int joinedUpTo = -1;
            for (int q = Math.min(parts.length - 1, p + maxJoin); q > p; q--) { // longest join first
                String joined = String.join(",", List.of(parts).subList(p, q + 1)).strip();
                if (model.catalog().titles().exact(joined).size() == 1) {
                    items.add(index(new TitleMatch.Exact(model.catalog().titles().exact(joined).getFirst())));
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
        if (items.isEmpty()) throw new CliFailure("--likes names no anime");
        return items.stream().mapToInt(Integer::intValue).toArray();
    }

    private int maxCommasInATitle() {
        int max = 0;
        for (AnimeInfo info : model.allInfo()) {
            int commas = (int) info.title().chars().filter(c -> c == ',').count();
            max = Math.max(max, commas);
        }
        return max;
    }

    private int index(TitleMatch m) {
        Anime a = switch (m) {
            case TitleMatch.Exact e -> e.anime();
            case TitleMatch.Prefix p -> p.anime();
            default -> throw new IllegalStateException(m.toString());
        };
        return model.anime().indexOf(a.id());
    }

    private static String list(List<Anime> anime) {
        List<Anime> shown = new ArrayList<>(anime.subList(0, Math.min(CANDIDATES_SHOWN, anime.size())));
        return shown.stream().map(a -> "'" + a.name() + "' (" + a.id() + ")").collect(Collectors.joining(", "));
    }
}
