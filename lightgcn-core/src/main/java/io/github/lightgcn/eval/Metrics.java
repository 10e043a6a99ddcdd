package io.github.lightgcn.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The result of one evaluation: every {@link Metric} at every K, averaged over the evaluated users. Immutable. */
public final class Metrics {

    private final int[] ks;
    private final double[][] values; // [metric.ordinal()][index of k]
    private final int numUsers;

    /**
     * Metrics from their values: {@code values[metric.ordinal()][j]} is the metric at cut-off {@code ks[j]}
     * (ascending); copied.
     */
    public static Metrics of(int[] ks, double[][] values, int numUsers) {
        if (values.length != Metric.values().length) {
            throw new IllegalArgumentException("values has " + values.length + " metrics, expected "
                    + Metric.values().length);
        }
        for (int j = 1; j < ks.length; j++) {
            if (ks[j] <= ks[j - 1]) throw new IllegalArgumentException("ks must ascend: " + Arrays.toString(ks));
        }
        for (double[] row : values) {
            if (row.length != ks.length) throw new IllegalArgumentException("each metric needs one value per k");
        }
        return new Metrics(ks, values, numUsers);
    }

    private Metrics(int[] ks, double[][] values, int numUsers) {
        this.ks = ks.clone();
        this.values = new double[values.length][];
        for (int m = 0; m < values.length; m++) this.values[m] = values[m].clone();
        this.numUsers = numUsers;
    }

    /** The cut-offs evaluated, ascending. */
    public int[] ks() { return ks.clone(); }

    /** Number of users averaged over (users with at least one relevant item). */
    public int numUsers() { return numUsers; }

    /** The metric at cut-off k. */
    public double get(Metric metric, int k) {
        int idx = Arrays.binarySearch(ks, k);
        if (idx < 0) throw new IllegalArgumentException("k=" + k + " was not evaluated; evaluated: " + Arrays.toString(ks));
        return values[metric.ordinal()][idx];
    }

    public double recall(int k) { return get(Metric.RECALL, k); }

    public double precision(int k) { return get(Metric.PRECISION, k); }

    public double ndcg(int k) { return get(Metric.NDCG, k); }

    public double hitRate(int k) { return get(Metric.HIT_RATE, k); }

    /** {@link Metric#MAP} at k (NaN when read from a file written before MAP was measured). */
    public double map(int k) { return get(Metric.MAP, k); }

    /** {@link Metric#MRR} at k (NaN when read from a file written before MRR was measured). */
    public double mrr(int k) { return get(Metric.MRR, k); }

    /** All values keyed {@code metric@k}, e.g. {@code recall@20}, in a stable order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int k : ks) for (Metric m : Metric.values()) map.put(m.label() + "@" + k, get(m, k));
        return map;
    }

    /**
     * The inverse of {@link #asMap()} (users count unknown: 0). A map written before {@link Metric#MAP} and
     * {@link Metric#MRR} existed lacks them: they read as NaN; any other missing value is an error.
     */
    public static Metrics fromMap(Map<String, Double> map) {
        int[] ks = map.keySet().stream().mapToInt(key -> {
            int at = key.lastIndexOf('@');
            if (at < 0) throw new IllegalArgumentException("not a metric@k key: " + key);
            return Integer.parseInt(key.substring(at + 1));
        }).sorted().distinct().toArray();
        double[][] values = new double[Metric.values().length][ks.length];
        for (int k = 0; k < ks.length; k++) {
            for (Metric m : Metric.values()) {
                Double v = map.get(m.label() + "@" + ks[k]);
                if (v == null && (m == Metric.MAP || m == Metric.MRR)) v = Double.NaN;
                if (v == null) throw new IllegalArgumentException("missing " + m.label() + "@" + ks[k]);
                values[m.ordinal()][k] = v;
            }
        }
        return new Metrics(ks, values, 0);
    }

    /** Every metric at every K on one line, e.g. {@code recall@20=0.27029 precision@20=0.07573 ...}. */
    public String format() { return format(Metric.values()); }

    /**
     * The given metrics at every K on one line, in that order within each K, five decimals, e.g.
     * {@code format(Metric.RECALL, Metric.NDCG)} gives {@code recall@20=0.27029 ndcg@20=0.21015}.
     */
    public String format(Metric... metrics) {
        StringBuilder sb = new StringBuilder();
        for (int k : ks) {
            for (Metric m : metrics) {
                if (!sb.isEmpty()) sb.append(' ');
                sb.append(m.label()).append('@').append(k).append('=')
                        .append(String.format(Locale.ROOT, "%.5f", get(m, k)));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() { return format() + " users=" + numUsers; }
}
