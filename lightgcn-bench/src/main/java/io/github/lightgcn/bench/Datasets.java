package io.github.lightgcn.bench;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The benchmark data sets, read from {@code ../shared/data} (system property {@code lightgcn.shared.dir}) with the
 * library's own readers: the Gowalla paper split and the fixed MAL split.
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
        return read("gowalla", ReadOptions.of(DataFormat.ADJ), dir.resolve("train.txt"), null, dir.resolve("test.txt"));
    }

    /** The MAL split: CSVs {@code user_id,anime_id}; ids mapped by sorted order over train ∪ val ∪ test. */
    public static Split mal() {
        Path dir = shared().resolve("data/mal/split");
        return read("mal", ReadOptions.of(DataFormat.CSV), dir.resolve("train.csv"), dir.resolve("val.csv"),
                dir.resolve("test.csv"));
    }

    private static Split read(String name, ReadOptions options, Path train, Path val, Path test) {
        try {
            InteractionSplit split = SplitReader.read(options, train, val, test);
            return new Split(name, split.train(), split.test());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
