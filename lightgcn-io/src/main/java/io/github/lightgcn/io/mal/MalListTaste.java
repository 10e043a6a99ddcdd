package io.github.lightgcn.io.mal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a MyAnimeList list says about its owner's taste: the anime they like (the seeds of a new-user
 * recommendation), the entries that are not likes and why, and every anime of the list, which a recommendation
 * leaves out whatever its status (a fan does not want to be told to watch what they already watched, dropped or
 * plan to watch).
 *
 * <p>A like is an entry that is Completed, Watching or On-Hold, with no score or a score of at least the minimum.
 * Dropped entries, entries scored below the minimum and Plan to Watch entries are not likes.
 */
public final class MalListTaste {

    /** Why a list entry is not a like. */
    public enum Ignored {
        DROPPED("dropped"),
        LOW_SCORE("scored below the minimum"),
        PLAN_TO_WATCH("plan to watch");

        private final String description;

        Ignored(String description) { this.description = description; }

        /** A short phrase for reports, e.g. {@code dropped}. */
        public String description() { return description; }
    }

    private final int minScore;
    private final List<MalListEntry> likes;
    private final Map<Ignored, Integer> ignored;
    private final int[] listedAnimeIds;

    private MalListTaste(int minScore, List<MalListEntry> likes, Map<Ignored, Integer> ignored, int[] listed) {
        this.minScore = minScore;
        this.likes = List.copyOf(likes);
        this.ignored = Collections.unmodifiableMap(ignored);
        this.listedAnimeIds = listed;
    }

    /**
     * The taste of a list with scores of at least {@code minScore} (1 to 10) counting as likes.
     *
     * @throws IllegalArgumentException when minScore is outside [1, 10]
     */
    public static MalListTaste of(MalListExport export, int minScore) {
        if (minScore < 1 || minScore > 10) {
            throw new IllegalArgumentException("the minimum score must be in [1, 10], got " + minScore);
        }
        List<MalListEntry> likes = new ArrayList<>();
        Map<Ignored, Integer> ignored = new EnumMap<>(Ignored.class);
        for (Ignored reason : Ignored.values()) ignored.put(reason, 0);
        int[] listed = new int[export.entries().size()];
        int n = 0;
        for (MalListEntry e : export.entries()) {
            listed[n++] = e.animeId();
            Ignored reason = switch (e.status()) {
                case DROPPED -> Ignored.DROPPED;
                case PLAN_TO_WATCH -> Ignored.PLAN_TO_WATCH;
                case COMPLETED, WATCHING, ON_HOLD -> e.scored() && e.score() < minScore ? Ignored.LOW_SCORE : null;
            };
            if (reason == null) likes.add(e);
            else ignored.merge(reason, 1, Integer::sum);
        }
        return new MalListTaste(minScore, likes, ignored, listed);
    }

    /** The minimum score of a like. */
    public int minScore() { return minScore; }

    /** The liked entries, in list order. */
    public List<MalListEntry> likes() { return likes; }

    /** How many entries are not likes, by reason (every reason present, maybe with 0). */
    public Map<Ignored, Integer> ignored() { return ignored; }

    /** The ids of every anime of the list, in list order (a copy): what a recommendation leaves out. */
    public int[] listedAnimeIds() { return listedAnimeIds.clone(); }
}
