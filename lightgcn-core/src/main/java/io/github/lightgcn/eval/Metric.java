package io.github.lightgcn.eval;

/** A top-K ranking metric. Each is averaged over the users that have at least one relevant (test) item. */
public enum Metric {
    /** Hits in the top K divided by the user's number of relevant items. */
    RECALL("recall"),
    /** Hits in the top K divided by K. */
    PRECISION("precision"),
    /** DCG of the top K (gain 1 / log2(rank + 1)) over the ideal DCG of min(|relevant|, K) hits. */
    NDCG("ndcg"),
    /** 1 when the top K holds at least one relevant item, else 0. */
    HIT_RATE("hit_rate");

    private final String label;

    Metric(String label) { this.label = label; }

    /** Short lower-case name used in logs and JSON, e.g. {@code ndcg}. */
    public String label() { return label; }

    /** Parses a label ({@code recall}, {@code precision}, {@code ndcg}, {@code hit_rate}), case-insensitive. */
    public static Metric fromLabel(String s) {
        for (Metric m : values()) if (m.label.equalsIgnoreCase(s) || m.name().equalsIgnoreCase(s)) return m;
        throw new IllegalArgumentException("unknown metric '" + s + "': use recall, precision, ndcg or hit_rate");
    }
}
