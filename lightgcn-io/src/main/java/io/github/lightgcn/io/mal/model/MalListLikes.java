package io.github.lightgcn.io.mal.model;

import io.github.lightgcn.io.mal.MalListEntry;
import io.github.lightgcn.io.mal.MalListTaste;
import io.github.lightgcn.io.mal.MalListTaste.Ignored;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A MyAnimeList list read against one model: the liked anime the model knows (the seeds of the new user), every
 * listed anime the model knows (left out of the results, whatever its status), and how the list's entries were
 * counted. Every entry is exactly one of: used (a like the model knows), ignored (not a like, by reason) or unknown
 * (a like the model has no embedding for: an anime nobody rated in its training data).
 */
public final class MalListLikes {

    private final int entries;
    private final int[] liked;
    private final int[] listed;
    private final Map<Ignored, Integer> ignored;
    private final int unknown;
    private final int minScore;

    private MalListLikes(int entries, int[] liked, int[] listed, Map<Ignored, Integer> ignored, int unknown,
                         int minScore) {
        this.entries = entries;
        this.liked = liked;
        this.listed = listed;
        this.ignored = ignored;
        this.unknown = unknown;
        this.minScore = minScore;
    }

    /** The list's taste against the anime of {@code model}. */
    public static MalListLikes of(AnimeModel model, MalListTaste taste) {
        Set<Integer> liked = new LinkedHashSet<>();
        int unknown = 0;
        for (MalListEntry e : taste.likes()) {
            int item = model.anime().indexOf(e.animeId());
            if (item < 0) unknown++;
            else liked.add(item);
        }
        Set<Integer> listed = new LinkedHashSet<>();
        int[] ids = taste.listedAnimeIds();
        for (int id : ids) {
            int item = model.anime().indexOf(id);
            if (item >= 0) listed.add(item);
        }
        return new MalListLikes(ids.length, liked.stream().mapToInt(Integer::intValue).toArray(),
                listed.stream().mapToInt(Integer::intValue).toArray(), taste.ignored(), unknown, taste.minScore());
    }

    /** How many entries the list has. */
    public int entries() { return entries; }

    /** The item indexes of the liked anime the model knows, in list order, distinct (a copy). */
    public int[] likedItems() { return liked.clone(); }

    /** The item indexes of every listed anime the model knows (a copy): what a recommendation leaves out. */
    public int[] listedItems() { return listed.clone(); }

    /** How many entries were used as likes (a listed anime twice counts once). */
    public int used() { return liked.length; }

    /** How many entries are not likes, by reason (every reason present). */
    public Map<Ignored, Integer> ignored() { return Collections.unmodifiableMap(ignored); }

    /** How many likes name an anime the model does not know. */
    public int unknown() { return unknown; }

    /**
     * One line for a person, e.g. {@code "312 entries: 120 used as likes; 150 ignored (80 plan to watch, 40 dropped,
     * 30 scored below 7); 42 unknown to the model"}.
     */
    public String summary() {
        List<String> reasons = new ArrayList<>();
        int ignoredTotal = 0;
        for (Map.Entry<Ignored, Integer> e : ignored.entrySet()) {
            if (e.getValue() == 0) continue;
            ignoredTotal += e.getValue();
            reasons.add(e.getValue() + " " + (e.getKey() == Ignored.LOW_SCORE ? "scored below " + minScore
                    : e.getKey().description()));
        }
        return String.format(Locale.ROOT, "%d entr%s: %d used as likes; %d ignored%s; %d unknown to the model",
                entries, entries == 1 ? "y" : "ies", used(), ignoredTotal,
                reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")", unknown);
    }
}
