package io.github.lightgcn.server;

import io.github.lightgcn.io.mal.model.AnimeInfo;
import io.github.lightgcn.io.mal.model.AnimeModel;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Title search for autocompletion ({@code GET /api/anime?q=cow}): titles that start with what was typed first, then
 * titles with a word that starts with it, then titles that contain it; popular anime first within each group.
 * Compared ignoring case, accents and runs of blanks, as the title lookup does.
 */
final class AnimeSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private final AnimeModel model;
    private final String[] folded; // by item index
    private final Integer[] byPopularity; // item indexes, most members first, then by id

    AnimeSearch(AnimeModel model) {
        this.model = model;
        int n = model.allInfo().size();
        this.folded = new String[n];
        for (int i = 0; i < n; i++) folded[i] = fold(model.info(i).title());
        this.byPopularity = new Integer[n];
        for (int i = 0; i < n; i++) byPopularity[i] = i;
        java.util.Arrays.sort(byPopularity, Comparator.comparingInt((Integer i) -> -model.info(i).members())
                .thenComparingInt(i -> model.info(i).id()));
    }

    static String fold(String s) {
        String t = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        return BLANKS.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** At most {@code n} item indexes whose title matches {@code query} and that {@code shown} accepts, best first. */
    List<Integer> find(String query, int n, Predicate<AnimeInfo> shown) {
        String q = fold(query);
        List<Integer> starts = new ArrayList<>(), words = new ArrayList<>(), contains = new ArrayList<>();
        if (q.isEmpty()) return starts;
        for (int i : byPopularity) {
            String t = folded[i];
            int at = t.indexOf(q);
            if (at < 0 || !shown.test(model.info(i))) continue;
            if (at == 0) {
                starts.add(i);
                if (starts.size() == n) break; // nothing can rank above a popular title that starts with q
            } else if (wordStart(t, q)) {
                if (words.size() < n) words.add(i);
            } else if (contains.size() < n) {
                contains.add(i);
            }
        }
        List<Integer> found = new ArrayList<>(starts);
        for (List<Integer> more : List.of(words, contains)) {
            for (int i : more) if (found.size() < n) found.add(i);
        }
        return found;
    }

    private static boolean wordStart(String title, String q) {
        for (int at = title.indexOf(q); at >= 0; at = title.indexOf(q, at + 1)) {
            if (!Character.isLetterOrDigit(title.charAt(at - 1))) return true;
        }
        return false;
    }
}
