package io.github.lightgcn.bench;

import io.github.lightgcn.graph.InteractionGraph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tiny private loader for the two benchmark data sets in {@code ../shared/data} (system property
 * {@code lightgcn.shared.dir} overrides the folder). The io module's readers are being written on another branch;
 * this stays minimal on purpose: no validation beyond what a benchmark needs.
 */
public final class Datasets {

    private Datasets() {}

    /** {train, test} on one id universe. */
    public record Split(String name, InteractionGraph train, InteractionGraph test) {}

    static Path shared() {
        String dir = System.getProperty("lightgcn.shared.dir", "../shared");
        return Path.of(dir).toAbsolutePath().normalize();
    }

    public static Split load(String name) {
        return switch (name) {
            case "gowalla" -> gowalla();
            case "mal" -> mal();
            default -> throw new IllegalArgumentException("unknown data set " + name + " (gowalla, mal)");
        };
    }

    /** The LightGCN paper's Gowalla split: lines {@code user item item ...}, 0-based ids. */
    public static Split gowalla() {
        Path dir = shared().resolve("data/gowalla");
        int[][] train = readAdjacency(dir.resolve("train.txt")), test = readAdjacency(dir.resolve("test.txt"));
        int users = Math.max(max(train[0]), max(test[0])) + 1, items = Math.max(max(train[1]), max(test[1])) + 1;
        return new Split("gowalla", InteractionGraph.fromPairs(users, items, train[0], train[1]),
                InteractionGraph.fromPairs(users, items, test[0], test[1]));
    }

    /** The MAL split: CSVs {@code user_id,anime_id}; ids mapped by sorted order over train ∪ val ∪ test. */
    public static Split mal() {
        Path dir = shared().resolve("data/mal/split");
        int[][] train = readCsv(dir.resolve("train.csv")), val = readCsv(dir.resolve("val.csv"));
        int[][] test = readCsv(dir.resolve("test.csv"));
        int[] userIds = unique(train[0], val[0], test[0]), itemIds = unique(train[1], val[1], test[1]);
        return new Split("mal", graph(train, userIds, itemIds), graph(test, userIds, itemIds));
    }

    private static InteractionGraph graph(int[][] pairs, int[] userIds, int[] itemIds) {
        int n = pairs[0].length;
        int[] u = new int[n], i = new int[n];
        for (int p = 0; p < n; p++) {
            u[p] = Arrays.binarySearch(userIds, pairs[0][p]);
            i[p] = Arrays.binarySearch(itemIds, pairs[1][p]);
        }
        return InteractionGraph.fromPairs(userIds.length, itemIds.length, u, i);
    }

    private static int[] unique(int[]... arrays) {
        return Arrays.stream(arrays).flatMapToInt(Arrays::stream).sorted().distinct().toArray();
    }

    private static int max(int[] a) { return Arrays.stream(a).max().orElse(-1); }

    private static int[][] readAdjacency(Path file) {
        List<int[]> rows = new ArrayList<>();
        int total = 0;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] t = line.trim().split("\\s+");
                if (t.length < 2) continue;
                int[] row = new int[t.length];
                for (int k = 0; k < t.length; k++) row[k] = Integer.parseInt(t[k]);
                rows.add(row);
                total += t.length - 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] u = new int[total], i = new int[total];
        int w = 0;
        for (int[] row : rows) {
            for (int k = 1; k < row.length; k++) {
                u[w] = row[0];
                i[w++] = row[k];
            }
        }
        return new int[][]{u, i};
    }

    private static int[][] readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = lines.size() - 1; // header
        int[] u = new int[n], i = new int[n];
        for (int p = 0; p < n; p++) {
            String line = lines.get(p + 1);
            int comma = line.indexOf(',');
            u[p] = Integer.parseInt(line.substring(0, comma).trim());
            int end = line.indexOf(',', comma + 1);
            i[p] = Integer.parseInt((end < 0 ? line.substring(comma + 1) : line.substring(comma + 1, end)).trim());
        }
        return new int[][]{u, i};
    }
}
