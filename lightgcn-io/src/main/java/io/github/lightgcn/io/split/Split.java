package io.github.lightgcn.io.split;

import io.github.lightgcn.io.DataFormatException;
import io.github.lightgcn.io.IdMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Train, validation and test interactions in original ids; the three parts are disjoint. Written as three
 * files {@code train.csv}, {@code val.csv}, {@code test.csv} in one folder ({@link InteractionsCsv}).
 */
public record Split(Interactions train, Interactions val, Interactions test) {

    public static final String TRAIN_FILE = "train.csv", VAL_FILE = "val.csv", TEST_FILE = "test.csv";

    /** @throws IllegalArgumentException if a pair is in two parts */
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(val, "val");
        Objects.requireNonNull(test, "test");
        String overlap = overlap(train, val, test);
        if (overlap != null) throw new IllegalArgumentException(overlap);
    }

    /** A description of the first pair found in two parts, or null when they are disjoint. */
    private static String overlap(Interactions train, Interactions val, Interactions test) {
        Interactions[] parts = {train, val, test};
        String[] names = {"train", "val", "test"};
        for (int x = 0; x < 3; x++) {
            for (int y = x + 1; y < 3; y++) {
                int p = parts[x].firstCommon(parts[y]);
                if (p >= 0) {
                    return "pair (" + parts[x].userId(p) + ", " + parts[x].itemId(p) + ") is in both " + names[x]
                            + " and " + names[y];
                }
            }
        }
        return null;
    }

    /** Number of interactions in the three parts. */
    public long size() {
        return (long) train.size() + val.size() + test.size();
    }

    /**
     * The graphs over the universe of the split itself: every user and item of train, val or test, in id order
     * (as the reference does; items seen only in val/test stay in the item universe).
     */
    public SplitGraphs graphs() {
        return graphs(union(train.userIds(), val.userIds(), test.userIds()),
                union(train.itemIds(), val.itemIds(), test.itemIds()));
    }

    /**
     * The graphs over a given universe, e.g. the users and items of the data set the split was cut from.
     *
     * @throws IllegalArgumentException if an id of the split is not in its mapping
     */
    public SplitGraphs graphs(IdMapping users, IdMapping items) {
        return new SplitGraphs(users, items, train.toGraph(users, items), val.toGraph(users, items),
                test.toGraph(users, items));
    }

    private static IdMapping union(int[] a, int[] b, int[] c) {
        int[] all = new int[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return IdMapping.of(all);
    }

    /** Writes train.csv, val.csv and test.csv into a folder (created if needed). */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        InteractionsCsv.write(dir.resolve(TRAIN_FILE), train);
        InteractionsCsv.write(dir.resolve(VAL_FILE), val);
        InteractionsCsv.write(dir.resolve(TEST_FILE), test);
    }

    /**
     * Reads train.csv, val.csv and test.csv from a folder.
     *
     * @throws DataFormatException for a malformed file, or a pair in two files
     */
    public static Split read(Path dir) throws IOException {
        Interactions train = InteractionsCsv.read(dir.resolve(TRAIN_FILE));
        Interactions val = InteractionsCsv.read(dir.resolve(VAL_FILE));
        Interactions test = InteractionsCsv.read(dir.resolve(TEST_FILE));
        String overlap = overlap(train, val, test);
        if (overlap != null) throw new DataFormatException(dir, overlap + " (the parts of a split must be disjoint)");
        return new Split(train, val, test);
    }
}
