package io.github.lightgcn.io.mal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds anime by the title a person types: {@code --likes "cowboy bebop"}, {@code --anime "Steins;Gate"}.
 *
 * <p>Titles are compared in a folded form: lower case, accents removed, runs of blanks made one space, so
 * {@code "deja vu"} matches {@code Déjà vu}. Close-match suggestions use a stricter "compact" form that also
 * drops punctuation ({@code "steins gate"} ~ {@code Steins;Gate}). Candidate lists are ordered by members
 * (popular first), then by id, so the order is stable.
 */
public final class TitleIndex {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Comparator<Anime> POPULAR_FIRST =
            Comparator.comparingInt((Anime a) -> -a.members().orElse(0)).thenComparingInt(Anime::id);

    private final List<Anime> anime;
    private final String[] folded;
    private final String[] compact;

    TitleIndex(List<Anime> anime) {
        this.anime = anime;
        this.folded = new String[anime.size()];
        this.compact = new String[anime.size()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = fold(anime.get(i).name());
            compact[i] = compact(folded[i]);
        }
    }

    /** Lower case, no accents, single spaces, trimmed. */
    static String fold(String title) {
        String s = Normalizer.normalize(title, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        return BLANKS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The folded form with only letters and digits. */
    static String compact(String folded) {
        StringBuilder sb = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Exact, then unique prefix, else ambiguous, else not found with up to 5 suggestions. */
    public TitleMatch resolve(String query) {
        List<Anime> exact = exact(query);
        if (exact.size() == 1) return new TitleMatch.Exact(exact.get(0));
        if (exact.size() > 1) return new TitleMatch.Ambiguous(query, exact);
        List<Anime> prefixed = withPrefix(query);
        if (prefixed.size() == 1) return new TitleMatch.Prefix(prefixed.get(0));
        if (prefixed.size() > 1) return new TitleMatch.Ambiguous(query, prefixed);
        return new TitleMatch.NotFound(query, suggest(query, 5));
    }

    /** Anime whose title equals the query, ignoring case, accents and spacing (usually 0 or 1). */
    public List<Anime> exact(String query) {
        String q = fold(query);
        List<Anime> hits = new ArrayList<>();
        for (int i = 0; i < folded.length; i++) if (folded[i].equals(q)) hits.add(anime.get(i));
        hits.sort(POPULAR_FIRST);
        return hits;
    }

    /** Anime whose title starts with the query (ignoring case, accents and spacing); none for a blank query. */
    public List<Anime> withPrefix(String query) {
        String q = fold(query);
        List<Anime> hits = new ArrayList<>();
        if (q.isEmpty()) return hits;
        for (int i = 0; i < folded.length; i++) if (folded[i].startsWith(q)) hits.add(anime.get(i));
        hits.sort(POPULAR_FIRST);
        return hits;
    }

    /**
     * Titles close to a query that matched nothing: first those that contain it (punctuation ignored), then
     * those within a small edit distance of it or of their own beginning of the same length (typos in a
     * shortened title), nearest first. At most {@code limit}.
     */
    public List<Anime> suggest(String query, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        String q = compact(fold(query));
        if (q.isEmpty() || limit == 0) return List.of();
        int maxDistance = Math.max(1, q.length() / 4);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < compact.length; i++) {
            String t = compact[i];
            int score;
            if (t.contains(q)) {
                score = 0;
            } else {
                int d = Math.min(distance(q, t, maxDistance),
                        distance(q, t.substring(0, Math.min(t.length(), q.length())), maxDistance));
                if (d > maxDistance) continue;
                score = d;
            }
            scored.add(new Scored(anime.get(i), score));
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::anime, POPULAR_FIRST));
        return scored.stream().limit(limit).map(Scored::anime).toList();
    }

    private record Scored(Anime anime, int score) {}

    /** Levenshtein distance, or {@code bound + 1} as soon as it must exceed {@code bound}. */
    static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) > bound) return bound + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > bound) return bound + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], bound + 1);
    }
}
