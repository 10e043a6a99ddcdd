package io.github.lightgcn.io.split;

import io.github.lightgcn.io.CsvPairReader;
import io.github.lightgcn.io.DataFormatException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Interactions} as files of the CSV split format ({@link CsvPairReader}). Written with a
 * {@code user_id,anime_id} header (the MAL split's names), LF line ends, sorted by user then item: the layout of
 * {@code shared/data/mal/split/*.csv}. Read in any row order, with or without the header; a header line with
 * more columns is fine (the two are found by name). The parts of a split are sets, so a repeated pair is an
 * error here.
 */
public final class InteractionsCsv {

    /** The header written. */
    public static final List<String> COLUMNS = List.of(CsvPairReader.MAL_USER_COLUMN, CsvPairReader.MAL_ITEM_COLUMN);

    private static final CsvPairReader READER = new CsvPairReader().withOptionalHeader();

    private InteractionsCsv() {}

    /** Writes the pairs in their (user, item) order under the {@link #COLUMNS} header. */
    public static void write(Path file, Interactions interactions) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (int p = 0; p < interactions.size(); p++) {
                out.write(Integer.toString(interactions.userId(p)));
                out.write(',');
                out.write(Integer.toString(interactions.itemId(p)));
                out.write('\n');
            }
        }
    }

    /**
     * Reads a split file; a header without any pair is an empty part.
     *
     * @throws DataFormatException for an empty file, a header without user_id or anime_id, a malformed record
     *                             (see {@link CsvPairReader}), or a pair that occurs twice (naming both lines)
     */
    public static Interactions read(Path file) throws IOException {
        long[][] keys = {new long[1024]};
        int[] size = {0};
        READER.read(file, (user, item, line) -> {
            if (size[0] == keys[0].length) keys[0] = Arrays.copyOf(keys[0], size[0] * 2);
            keys[0][size[0]++] = Interactions.key(user, item);
        });
        long[] sorted = Arrays.copyOf(keys[0], size[0]);
        keys[0] = null;
        Arrays.sort(sorted);
        for (int p = 1; p < sorted.length; p++) {
            if (sorted[p] == sorted[p - 1]) throw repeated(file, sorted[p]);
        }
        return Interactions.fromSortedKeys(sorted);
    }

    /** Rare path: a second pass to name the two lines of a repeated pair. */
    private static DataFormatException repeated(Path file, long key) throws IOException {
        long[] lines = {0, 0};
        READER.read(file, (user, item, line) -> {
            if (Interactions.key(user, item) == key) {
                if (lines[0] == 0) lines[0] = line;
                else if (lines[1] == 0) lines[1] = line;
            }
        });
        return new DataFormatException(file, lines[1], null, "pair (" + Interactions.user(key) + ", "
                + Interactions.item(key) + ") already appeared on line " + lines[0]);
    }
}
