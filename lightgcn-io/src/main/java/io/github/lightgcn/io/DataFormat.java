package io.github.lightgcn.io;

import java.util.Locale;

/** The interaction file formats the readers understand. */
public enum DataFormat {
    /** The LightGCN paper's {@code train.txt}: {@code user item item ...} per line, 0-based dense ids. */
    ADJ("adj"),
    /** One {@code user<sep>item[<sep>extra...]} pair per line; tab, comma or space separated; optional header. */
    PAIRS("pairs"),
    /** A CSV file with a {@code user_id,anime_id} header and original (sparse) ids, mapped to dense ids on read. */
    CSV("csv");

    private final String label;

    DataFormat(String label) { this.label = label; }

    /** The lower-case name used on the command line, e.g. {@code pairs}. */
    public String label() { return label; }

    /** Parses {@code adj}, {@code pairs} or {@code csv}, case-insensitive. */
    public static DataFormat fromLabel(String s) {
        for (DataFormat f : values()) if (f.label.equals(s.toLowerCase(Locale.ROOT))) return f;
        throw new IllegalArgumentException("unknown format '" + s + "': use adj, pairs or csv");
    }

    @Override
    public String toString() { return label; }
}
