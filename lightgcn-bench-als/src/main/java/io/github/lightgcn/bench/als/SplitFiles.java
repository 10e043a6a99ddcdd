package io.github.lightgcn.bench.als;

import io.github.lightgcn.graph.InteractionGraph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's four parts of a split as pair files ({@code user<TAB>item}, the dense 0-based indexes of the
 * split's universe, sorted), so that LightGCN can be tuned on exactly ALS's validation part: {@code grid-train.txt}
 * (what the grid is fitted on), {@code validation.txt}, {@code train.txt} (the whole train) and {@code test.txt}.
 * Read them with {@code --format pairs}: the universe inferred from them is the split's when its last user and
 * item occur in some part (true of the three shared splits; {@link #write} refuses a split where it is not).
 */
public final class SplitFiles {

    /** The file names, in the order of {@link #write}'s result. */
    public static final List<String> NAMES = List.of("grid-train.txt", "validation.txt", "train.txt", "test.txt");

    private SplitFiles() {}

    /**
     * Writes the four files into {@code dir} (created if needed), replacing files of these names.
     *
     * @return the files written
     * @throws IOException when a file cannot be written, or the parts leave the split's last user or item out (the
     *                     universe read back would be smaller)
     */
    public static List<Path> write(BenchSplit split, Path dir) throws IOException {
        List<InteractionGraph> parts = List.of(split.fitTrain(), split.validation(), split.train(), split.test());
        int maxUser = -1, maxItem = -1;
        for (InteractionGraph g : parts) {
            for (int u = g.numUsers() - 1; u > maxUser; u--) if (g.userDegree(u) > 0) maxUser = u;
            for (int i = g.numItems() - 1; i > maxItem; i--) if (g.itemDegree(i) > 0) maxItem = i;
        }
        if (maxUser != split.train().numUsers() - 1 || maxItem != split.train().numItems() - 1) {
            throw new IOException("the parts of " + split.name().id() + " use users up to " + maxUser + " and items up"
                    + " to " + maxItem + " of " + split.train().numUsers() + " x " + split.train().numItems()
                    + ": pair files read back would have a smaller universe");
        }
        Files.createDirectories(dir);
        Path[] files = new Path[parts.size()];
        for (int p = 0; p < parts.size(); p++) {
            files[p] = dir.resolve(NAMES.get(p));
            write(parts.get(p), files[p]);
        }
        return List.of(files);
    }

    private static void write(InteractionGraph g, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int u = 0; u < g.numUsers(); u++) {
                for (int i : g.itemsOf(u)) {
                    w.write(Integer.toString(u));
                    w.write('\t');
                    w.write(Integer.toString(i));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
