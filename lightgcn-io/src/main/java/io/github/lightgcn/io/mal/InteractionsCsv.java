package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Split files: {@code user_id,anime_id} header, LF line endings, original ids, sorted by user then anime
 * (the layout of {@code shared/data/mal/split/*.csv}). Reading also accepts CRLF, no header (two columns), or a
 * header with more columns (the two are found by name), in any row order; a repeated pair is an error.
 */
public final class InteractionsCsv {

    /** The header written. */
    public static final List<String> COLUMNS = List.of("user_id", "anime_id");

    private InteractionsCsv() {}

    public static void write(Path file, Interactions interactions) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (int p = 0; p < interactions.size(); p++) {
                out.write(Integer.toString(interactions.userId(p)));
                out.write(',');
                out.write(Integer.toString(interactions.animeId(p)));
                out.write('\n');
            }
        }
    }

    /**
     * Reads a split file.
     *
     * @throws DataFormatException for an empty file, a header without user_id or anime_id, a row with the wrong
     *                             number of fields or a non-integer or negative id, or a pair that occurs twice
     *                             (each naming the line and field)
     */
    public static Interactions read(Path file) throws IOException {
        long[][] keys = {new long[1024]};
        int[] size = {0};
        scan(file, (line, key) -> {
            if (size[0] == keys[0].length) keys[0] = Arrays.copyOf(keys[0], size[0] * 2);
            keys[0][size[0]++] = key;
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
        scan(file, (line, k) -> {
            if (k == key) {
                if (lines[0] == 0) lines[0] = line;
                else if (lines[1] == 0) lines[1] = line;
            }
        });
        return new DataFormatException(file, lines[1], null, "pair (" + Interactions.user(key) + ", "
                + Interactions.anime(key) + ") already appeared on line " + lines[0]);
    }

    private interface PairSink {
        void accept(long line, long key);
    }

    private static void scan(Path file, PairSink sink) throws IOException {
        try (CSVParser parser = CsvFiles.open(file)) {
            CsvFiles.Records records = CsvFiles.records(file, parser);
            CSVRecord first = records.next();
            if (first == null) throw new DataFormatException(file, "the file is empty (expected a header "
                    + String.join(",", COLUMNS) + ")");
            int userCol = 0, animeCol = 1;
            List<String> header = COLUMNS;
            CSVRecord r = first;
            if (CsvFiles.isHeader(first)) {
                Map<String, Integer> position = new HashMap<>();
                for (int i = 0; i < first.size(); i++) position.putIfAbsent(CsvFiles.columnKey(first.get(i)), i);
                for (String column : COLUMNS) {
                    if (!position.containsKey(column)) {
                        throw new DataFormatException(file, records.startLine(first), column, "the header has no column '"
                                + column + "' (found: " + String.join(",", first.toList()) + ")");
                    }
                }
                userCol = position.get("user_id");
                animeCol = position.get("anime_id");
                header = first.toList();
                r = records.next();
            }
            for (; r != null; r = records.next()) {
                long line = records.startLine(r);
                if (r.size() != header.size()) {
                    throw new DataFormatException(file, line, CsvFiles.countField(header, r.size()),
                            CsvFiles.countProblem(header, r.size()));
                }
                int user = id(file, line, r.get(userCol), "user_id");
                int anime = id(file, line, r.get(animeCol), "anime_id");
                sink.accept(line, Interactions.key(user, anime));
            }
        }
    }


    private static int id(Path file, long line, String value, String field) throws DataFormatException {
        long v = CsvFiles.parseInt(value);
        if (v == Long.MIN_VALUE) throw new DataFormatException(file, line, field, CsvFiles.quote(value) + " is not an integer");
        if (v < 0) throw new DataFormatException(file, line, field, value.strip() + " is negative");
        return (int) v;
    }
}
