package io.github.lightgcn.bench.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes {@code RESULTS.md} and {@code results.json} in a reproduction folder from its finished runs'
 * {@code *.properties}, next to the published figures.
 */
public final class ResultsTable {

    private ResultsTable() {}

    /** Published recall@20 / NDCG@20: the paper's Table 3 (Gowalla) and the authors' PyTorch code. */
    static final Map<String, double[]> PAPER = Map.of(
            "gowalla-K1", new double[]{0.1755, 0.1492}, "gowalla-K2", new double[]{0.1777, 0.1524},
            "gowalla-K3", new double[]{0.1823, 0.1555}, "gowalla-K4", new double[]{0.1830, 0.1550});
    static final Map<String, double[]> AUTHORS_PYTORCH = Map.of(
            "gowalla-K3", new double[]{0.1824, 0.1547}, "lastfm-K3", new double[]{0.27029, 0.21015});

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "results"));
    }

    public static void write(Path dir) throws IOException {
        List<Properties> runs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                runs.add(Reproduce.load(p));
            }
        }
        StringBuilder md = new StringBuilder("# Reproduction results\n\n")
                .append("Test recall@20 / NDCG@20 at the best evaluation on test (the paper's protocol; each run evaluates ")
                .append("at its own interval, 20 epochs unless it is a short check), at the last evaluation, and the ")
                .append("published figures (the paper's are after about 1000 epochs).\n\n")
                .append("| run | epochs (best) | ours: best recall / NDCG | last recall / NDCG | paper | authors' PyTorch | ")
                .append("wall time | median epoch | peak heap |\n|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("[\n");
        for (Properties p : runs) {
            String key = p.getProperty("dataset") + "-K" + p.getProperty("layers");
            md.append(String.format(Locale.ROOT, "| %s | %s (%s) | %s / %s | %s / %s | %s | %s | %.0f s | %.2f s | %s MiB |%n",
                    p.getProperty("name"), p.getProperty("epochs"), p.getProperty("best_epoch"),
                    p.getProperty("best_recall@20"), p.getProperty("best_ndcg@20"), p.getProperty("last_recall@20"),
                    p.getProperty("last_ndcg@20"), pair(PAPER.get(key)), pair(AUTHORS_PYTORCH.get(key)),
                    Double.parseDouble(p.getProperty("wall_seconds")),
                    Double.parseDouble(p.getProperty("median_epoch_seconds")), p.getProperty("peak_heap_mib")));
            if (json.length() > 2) json.append(",\n");
            json.append("  {");
            boolean first = true;
            for (String name : p.stringPropertyNames().stream().sorted().toList()) {
                if (!first) json.append(", ");
                first = false;
                String v = p.getProperty(name);
                boolean number = v.matches("-?[0-9.]+");
                json.append('"').append(name).append("\": ").append(number ? v : "\"" + v + "\"");
            }
            json.append('}');
        }
        json.append("\n]\n");
        Files.writeString(dir.resolve("RESULTS.md"), md.toString());
        Files.writeString(dir.resolve("results.json"), json.toString());
        System.out.println(md);
    }

    private static String pair(double[] v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.4f / %.4f", v[0], v[1]);
    }
}
