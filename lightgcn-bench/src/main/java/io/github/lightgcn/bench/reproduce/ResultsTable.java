package io.github.lightgcn.bench.reproduce;

import io.github.lightgcn.bench.reproduce.Reproduce.Curve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes {@code RESULTS.md}, {@code results.json} and {@code recall-curves.png} in a reproduction folder from its
 * runs: finished runs from their {@code NAME.properties}, runs still going (a curve without a summary) from their
 * {@code NAME.curve.csv}, marked as in progress. Every figure comes from those files.
 */
public final class ResultsTable {

    private ResultsTable() {}

    /** Published recall@20 / NDCG@20: the paper's Table 3 (Gowalla) and the authors' PyTorch code. */
    static final Map<String, double[]> PAPER = Map.of(
            "gowalla-K1", new double[]{0.1755, 0.1492}, "gowalla-K2", new double[]{0.1777, 0.1524},
            "gowalla-K3", new double[]{0.1823, 0.1555}, "gowalla-K4", new double[]{0.1830, 0.1550});
    static final Map<String, double[]> AUTHORS_PYTORCH = Map.of(
            "gowalla-K3", new double[]{0.1824, 0.1547}, "lastfm-K3", new double[]{0.27029, 0.21015});
    /** The recall@20 whose first crossing the issue asks for (time to reach it), on Gowalla. */
    static final double MILESTONE_RECALL = 0.175;

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "results"));
    }

    /** One run of the folder: its curve, and its summary when it finished (null while it is still going). */
    record Run(String name, List<Curve.Row> curve, Properties summary) {
        boolean finished() { return summary != null; }

        String dataset() { return name.substring(0, name.indexOf("-K")); }

        String key() { return name.substring(0, name.indexOf('-', name.indexOf("-K") + 1)); } // e.g. gowalla-K3

        Curve.Row best() {
            Curve.Row best = null;
            for (Curve.Row r : curve) if (best == null || r.recall() > best.recall()) best = r;
            return best;
        }

        Curve.Row last() { return curve.isEmpty() ? null : curve.get(curve.size() - 1); }

        /** The first evaluation at or above the milestone recall, or null. */
        Curve.Row firstAtLeast(double recall) {
            for (Curve.Row r : curve) if (r.recall() >= recall) return r;
            return null;
        }
    }

    static List<Run> runs(Path dir) throws IOException {
        Map<String, Run> byName = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".curve.csv")) continue;
                String name = file.substring(0, file.length() - ".curve.csv".length());
                Path summary = dir.resolve(name + ".properties");
                byName.put(name, new Run(name, Curve.read(f), Files.exists(summary) ? Reproduce.load(summary) : null));
            }
        }
        return new ArrayList<>(byName.values());
    }

    public static void write(Path dir) throws IOException {
        List<Run> runs = runs(dir);
        StringBuilder md = new StringBuilder("# Reproduction results\n\n")
                .append("Test recall@20 / NDCG@20 at the best evaluation on test (the paper's protocol; each run evaluates ")
                .append("at its own interval, 20 epochs unless it is a short check), at the last evaluation, and the ")
                .append("published figures (the paper's are after about 1000 epochs). A run marked *in progress* has not ")
                .append("finished: its figures are those of its last evaluation so far. Wall time counts training and ")
                .append("evaluation of the epochs kept (an interrupted run resumes from its last checkpoint).\n\n")
                .append("| run | epochs (best) | ours: best recall / NDCG | last recall / NDCG | paper | authors' PyTorch | ")
                .append("recall ≥ 0.175 first at | wall time | median epoch | peak heap |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("[\n");
        for (Run run : runs) {
            if (run.curve().isEmpty()) continue;
            Curve.Row best = run.best(), last = run.last();
            Properties p = run.summary();
            String milestone = "—";
            if (run.dataset().equals("gowalla")) {
                Curve.Row r = run.firstAtLeast(MILESTONE_RECALL);
                milestone = r != null ? String.format(Locale.ROOT, "epoch %d, %.0f s", r.epoch(), r.wallSeconds())
                        : run.finished() ? "not reached" : "not yet";
            }
            String epochs = run.finished()
                    ? p.getProperty("epochs") + " (" + p.getProperty("best_epoch") + ")"
                    : last.epoch() + " (" + best.epoch() + "), *in progress*";
            md.append(String.format(Locale.ROOT, "| %s | %s | %.5f / %.5f | %.5f / %.5f | %s | %s | %s | %.0f s | %s | %s |%n",
                    run.name(), epochs, best.recall(), best.ndcg(), last.recall(), last.ndcg(),
                    pair(PAPER.get(run.key())), pair(AUTHORS_PYTORCH.get(run.key())), milestone,
                    run.finished() ? Double.parseDouble(p.getProperty("wall_seconds")) : last.wallSeconds(),
                    run.finished() ? String.format(Locale.ROOT, "%.2f s", Double.parseDouble(p.getProperty("median_epoch_seconds"))) : "—",
                    run.finished() ? p.getProperty("peak_heap_mib") + " MiB" : "—"));
            if (json.length() > 2) json.append(",\n");
            json.append(json(run));
        }
        json.append("\n]\n");
        Files.writeString(dir.resolve("RESULTS.md"), md.toString());
        Files.writeString(dir.resolve("results.json"), json.toString());
        RecallCurves.write(runs, PAPER, dir.resolve("recall-curves.png"));
        System.out.println(md);
    }

    /** A run as one JSON object: its summary's properties (or the curve's figures so far) and its curve. */
    private static String json(Run run) {
        Map<String, String> fields = new TreeMap<>();
        if (run.finished()) {
            for (String name : run.summary().stringPropertyNames()) fields.put(name, run.summary().getProperty(name));
        } else {
            fields.put("name", run.name());
            fields.put("status", "in progress");
            fields.put("epochs", Integer.toString(run.last().epoch()));
            fields.put("best_epoch", Integer.toString(run.best().epoch()));
            fields.put("best_recall@20", Reproduce.fmt(run.best().recall()));
            fields.put("best_ndcg@20", Reproduce.fmt(run.best().ndcg()));
            fields.put("last_recall@20", Reproduce.fmt(run.last().recall()));
            fields.put("last_ndcg@20", Reproduce.fmt(run.last().ndcg()));
            fields.put("wall_seconds", Reproduce.fmt(run.last().wallSeconds()));
        }
        StringBuilder json = new StringBuilder("  {");
        for (var e : fields.entrySet()) {
            boolean number = e.getValue().matches("-?[0-9]+(\\.[0-9]+)?");
            json.append('"').append(e.getKey()).append("\": ")
                    .append(number ? e.getValue() : "\"" + e.getValue().replace("\"", "\\\"") + "\"").append(", ");
        }
        json.append("\"curve\": [");
        for (int i = 0; i < run.curve().size(); i++) {
            Curve.Row r = run.curve().get(i);
            json.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"epoch\": %d, \"recall@20\": %.5f, \"ndcg@20\": %.5f, \"wall_seconds\": %.1f}",
                    r.epoch(), r.recall(), r.ndcg(), r.wallSeconds()));
        }
        return json.append("]}").toString();
    }

    private static String pair(double[] v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.4f / %.4f", v[0], v[1]);
    }
}
