package io.github.lightgcn.examples.training;

import io.github.lightgcn.examples.cli.TextTable;
import io.github.lightgcn.eval.Metric;
import io.github.lightgcn.eval.Metrics;

import java.io.PrintWriter;
import java.util.Locale;

/** Test metrics of the model next to the popularity baseline: one row per metric and cut-off. */
public final class MetricTable {

    private MetricTable() {}

    public static void print(PrintWriter out, Metrics model, Metrics popularity) {
        TextTable table = new TextTable("metric", ">LightGCN", ">popularity");
        for (int k : model.ks()) {
            for (Metric m : new Metric[]{Metric.RECALL, Metric.PRECISION, Metric.NDCG}) {
                table.row(m.label() + "@" + k, f(model.get(m, k)), f(popularity.get(m, k)));
            }
        }
        table.print(out);
    }

    private static String f(double v) { return String.format(Locale.ROOT, "%.5f", v); }
}
