package io.github.lightgcn.bench.als;

import io.github.lightgcn.eval.Metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What one benchmark run measured, as a Markdown table (every grid point's validation figures and fit time, then
 * the chosen point's test figures beside popularity's) and as JSON.
 *
 * @param environment      e.g. Spark and Java versions, master, cores, in the order to print
 * @param validationPopularity popularity on the validation part (masked by the grid's training part)
 * @param testPopularity   popularity on test (masked by train): the check that the evaluation is ours
 * @param grid             every grid point, in the order fitted
 * @param test             the chosen point's test metrics, fitted on the whole train
 * @param testFitSeconds   the seconds of that fit (the grid's own fit when the grid trained on the whole train)
 */
public record AlsReport(AlsOptions options, String splitSummary, Map<String, String> environment,
                        Metrics validationPopularity, Metrics testPopularity, List<GridResult> grid, GridResult chosen,
                        Metrics test, double testFitSeconds, boolean refitted) {

    private static final int K = AlsBenchmark.K;

    /** The grid and the test figures as Markdown. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("Grid on validation (").append(AlsGrid.describe(options.grid())).append("), ")
                .append(options.maxIter()).append(" iterations, seed ").append(options.seed()).append(":\n\n");
        row(b, "rank / regParam / alpha", "val recall@20", "val NDCG@20", "fit (s)");
        row(b, "---", "---", "---", "---");
        for (GridResult r : grid) {
            row(b, r.params().label() + (r == chosen ? " **(chosen)**" : ""), f5(r.validation().recall(K)),
                    f5(r.validation().ndcg(K)), f1(r.fitSeconds()));
        }
        row(b, "popularity", f5(validationPopularity.recall(K)), f5(validationPopularity.ndcg(K)), "");
        b.append("\nTest @20 (").append(test.numUsers()).append(" users with a test item):\n\n");
        row(b, "model", "recall", "NDCG", "precision", "fit (s)");
        row(b, "---", "---", "---", "---", "---");
        row(b, "implicit ALS, " + chosen.params().label(), f5(test.recall(K)), f5(test.ndcg(K)),
                f5(test.precision(K)), f1(testFitSeconds) + (refitted ? "" : " (the grid's fit)"));
        row(b, "popularity", f5(testPopularity.recall(K)), f5(testPopularity.ndcg(K)), f5(testPopularity.precision(K)),
                "");
        return b.toString();
    }

    private static void row(StringBuilder b, String... cells) {
        b.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /** Everything as one JSON object. */
    public String json() {
        StringJoiner points = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
        for (GridResult r : grid) points.add(point(r));
        StringJoiner env = new StringJoiner(", ", "{", "}");
        environment.forEach((k, v) -> env.add(quote(k) + ": " + quote(v)));
        return "{\n"
                + "  \"benchmark\": \"spark-mllib-implicit-als\",\n"
                + "  \"split\": " + quote(options.split().id()) + ",\n"
                + "  \"data\": " + quote(splitSummary) + ",\n"
                + "  \"grid\": " + quote(options.grid().name().toLowerCase(Locale.ROOT)) + ",\n"
                + "  \"maxIter\": " + options.maxIter() + ",\n"
                + "  \"seed\": " + options.seed() + ",\n"
                + "  \"selection\": \"ndcg@" + K + " on validation\",\n"
                + "  \"environment\": " + env + ",\n"
                + "  \"validationPopularity\": " + metrics(validationPopularity) + ",\n"
                + "  \"points\": " + points + ",\n"
                + "  \"chosen\": " + params(chosen.params()) + ",\n"
                + "  \"test\": {\"metrics\": " + metrics(test) + ", \"fitSeconds\": " + f3(testFitSeconds)
                + ", \"refitted\": " + refitted + "},\n"
                + "  \"testPopularity\": " + metrics(testPopularity) + "\n"
                + "}\n";
    }

    private static String point(GridResult r) {
        return "{\"params\": " + params(r.params()) + ", \"validation\": " + metrics(r.validation())
                + ", \"fitSeconds\": " + f3(r.fitSeconds()) + "}";
    }

    private static String params(AlsParams p) {
        return "{\"rank\": " + p.rank() + ", \"regParam\": " + p.regParam() + ", \"alpha\": " + p.alpha() + "}";
    }

    private static String metrics(Metrics m) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        j.add("\"users\": " + m.numUsers());
        m.asMap().forEach((k, v) -> j.add(quote(k) + ": " + (Double.isFinite(v) ? v.toString() : "null")));
        return j.toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int c = 0; c < s.length(); c++) {
            char ch = s.charAt(c);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }

    static String f5(double v) { return String.format(Locale.ROOT, "%.5f", v); }

    private static String f3(double v) { return String.format(Locale.ROOT, "%.3f", v); }

    private static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }
}
