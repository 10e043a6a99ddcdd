package io.github.lightgcn.io.mal;

import java.util.Locale;
import java.util.Optional;

/** The status of an anime in a MyAnimeList list, as a list export spells it ({@code <my_status>}). */
public enum MalListStatus {
    WATCHING("Watching", 1),
    COMPLETED("Completed", 2),
    ON_HOLD("On-Hold", 3),
    DROPPED("Dropped", 4),
    PLAN_TO_WATCH("Plan to Watch", 6);

    private final String label;
    private final int code;

    MalListStatus(String label, int code) {
        this.label = label;
        this.code = code;
    }

    /** The label of MAL's export, e.g. {@code On-Hold}. */
    public String label() { return label; }

    /**
     * The status an export names: its label, case and surrounding spaces ignored, or the numeric code of older
     * exports (1 watching, 2 completed, 3 on hold, 4 dropped, 6 plan to watch).
     */
    public static Optional<MalListStatus> parse(String text) {
        String t = text.strip();
        for (MalListStatus s : values()) {
            if (s.label.equalsIgnoreCase(t) || Integer.toString(s.code).equals(t)) return Optional.of(s);
        }
        String folded = t.toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        for (MalListStatus s : values()) {
            if (s.label.toLowerCase(Locale.ROOT).replace('-', ' ').equals(folded)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
