package io.github.lightgcn.eval;

/**
 * A top-K ranking metric. Each is computed per user from the user's top K (training items never listed, so never
 * hits) and averaged over the users that have at least one relevant (held-out) item. Ranks count from 1.
 */
public enum Metric {
    /** Hits in the top K divided by the user's number of relevant items. */
    RECALL("recall"),
    /** Hits in the top K divided by K. */
    PRECISION("precision"),
    /** DCG of the top K (gain 1 / log2(rank + 1)) over the ideal DCG of min(|relevant|, K) hits. */
    NDCG("ndcg"),
    /** 1 when the top K holds at least one relevant item, else 0. */
    HIT_RATE("hit_rate"),
    /**
     * Mean average precision at K: the mean over users of
     * {@code (Σ_{each hit at a rank r ≤ K} precision@r) / min(|relevant|, K)}, where precision@r is the number of
     * hits in the top r divided by r. A user's value is 1 when the first min(|relevant|, K) ranks are all hits and
     * 0 when the top K holds no hit.
     */
    MAP("map"),
    /** Mean reciprocal rank: 1 / (the rank of the first hit) when it is within K, else 0. */
    MRR("mrr");

    private final String label;

    Metric(String label) { this.label = label; }

    /** Short lower-case name used in logs and JSON, e.g. {@code ndcg}. */
    public String label() { return label; }

    /**
     * Parses a label ({@code recall}, {@code precision}, {@code ndcg}, {@code hit_rate}, {@code map}, {@code mrr}),
     * case-insensitive.
     */
    public static Metric fromLabel(String s) {
        for (Metric m : values()) if (m.label.equalsIgnoreCase(s) || m.name().equalsIgnoreCase(s)) return m;
        throw new IllegalArgumentException("unknown metric '" + s + "': use recall, precision, ndcg, hit_rate, map "
                + "or mrr");
    }
}
