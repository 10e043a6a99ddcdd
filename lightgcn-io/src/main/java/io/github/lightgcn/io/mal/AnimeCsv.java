package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The Kaggle {@code anime.csv} layout: {@code anime_id,name,genre,type,episodes,rating,members}, RFC 4180
 * quoting, UTF-8 (a byte order mark is tolerated), CRLF or LF. Columns are found by header name (any order,
 * extra columns ignored; all seven must be there).
 *
 * <p>Quirks of the MAL dump handled here: titles hold HTML entities ({@code &#039;}, {@code &quot;},
 * {@code &amp;}), which are decoded; genre is a quoted {@code ", "}-separated list; genre, type, rating and
 * members may be empty and episodes may be {@code Unknown}: those become empty values.
 */
public final class AnimeCsv {

    /** The header, in the dump's order. */
    public static final List<String> COLUMNS = List.of("anime_id", "name", "genre", "type", "episodes", "rating", "members");

    private AnimeCsv() {}

    /**
     * Reads a catalog.
     *
     * @throws DataFormatException for an empty file, a missing column, or a bad row (naming line and field):
     *                             a non-integer or repeated anime_id, an empty name, a malformed number, a rating
     *                             outside 0..10
     */
    public static AnimeCatalog read(Path file) throws IOException {
        try (CSVParser parser = CsvFiles.open(file)) {
            CsvFiles.Records records = CsvFiles.records(file, parser);
            CSVRecord header = records.next();
            if (header == null) throw new DataFormatException(file, "the file is empty (expected a header "
                    + String.join(",", COLUMNS) + ")");
            int[] col = columns(file, header);
            List<Anime> anime = new ArrayList<>();
            Map<Integer, Long> lineOfId = new HashMap<>();
            int decoded = 0;
            for (CSVRecord r = records.next(); r != null; r = records.next()) {
                Row row = new Row(file, records.startLine(r), r, header.toList());
                int id = row.integer(col[0], "anime_id", 0);
                Long earlier = lineOfId.putIfAbsent(id, row.line);
                if (earlier != null) {
                    throw row.bad("anime_id", "id " + id + " already appeared on line " + earlier);
                }
                String raw = row.text(col[1], "name");
                if (raw.isBlank()) throw row.bad("name", "the name is empty");
                String name = HtmlEntities.decode(raw);
                if (name != raw) decoded++;
                anime.add(new Anime(id, name.strip(), genres(row.text(col[2], "genre")), optional(row.text(col[3], "type")),
                        row.optionalInteger(col[4], "episodes", "Unknown"), row.optionalRating(col[5]),
                        row.optionalInteger(col[6], "members", null)));
            }
            return AnimeCatalog.of(anime, decoded);
        }
    }

    /** Positions of the seven columns in the header. */
    private static int[] columns(Path file, CSVRecord header) throws DataFormatException {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < header.size(); i++) position.putIfAbsent(CsvFiles.columnKey(header.get(i)), i);
        int[] col = new int[COLUMNS.size()];
        for (int c = 0; c < col.length; c++) {
            Integer p = position.get(COLUMNS.get(c));
            if (p == null) {
                throw new DataFormatException(file, 1, COLUMNS.get(c), "the header has no column '" + COLUMNS.get(c)
                        + "' (found: " + String.join(",", header.toList()) + "; expected " + String.join(",", COLUMNS) + ")");
            }
            col[c] = p;
        }
        return col;
    }

    static List<String> genres(String field) {
        List<String> genres = new ArrayList<>();
        for (String g : field.split(",")) {
            String s = g.strip();
            if (!s.isEmpty()) genres.add(s);
        }
        return genres;
    }

    private static Optional<String> optional(String field) {
        String s = field.strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** One record with its line number, so every problem names file, line and field. */
    private static final class Row {
        final Path file;
        final long line;
        final CSVRecord record;

        Row(Path file, long line, CSVRecord record, List<String> header) throws DataFormatException {
            this.file = file;
            this.line = line;
            this.record = record;
            if (record.size() != header.size()) {
                throw bad(CsvFiles.countField(header, record.size()), CsvFiles.countProblem(header, record.size()));
            }
        }

        String text(int column) { return record.get(column); }

        /** A text field, checked for bytes that were not UTF-8. */
        String text(int column, String field) throws DataFormatException {
            return CsvFiles.checkText(record.get(column), file, line, field);
        }

        DataFormatException bad(String field, String problem) {
            return new DataFormatException(file, line, field, problem);
        }

        int integer(int column, String field, int min) throws DataFormatException {
            String s = text(column).strip();
            if (!CsvFiles.isInteger(s)) throw bad(field, CsvFiles.quote(s) + " is not an integer");
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                v = Long.MAX_VALUE;
            }
            if (v < min || v > Integer.MAX_VALUE) throw bad(field, s + " is out of range " + min + ".." + Integer.MAX_VALUE);
            return (int) v;
        }

        /** Empty, or the given placeholder word (e.g. {@code Unknown}), is absent; anything else an integer >= 0. */
        OptionalInt optionalInteger(int column, String field, String placeholder) throws DataFormatException {
            String s = text(column).strip();
            if (s.isEmpty() || s.equalsIgnoreCase(placeholder)) return OptionalInt.empty();
            return OptionalInt.of(integer(column, field, 0));
        }

        OptionalDouble optionalRating(int column) throws DataFormatException {
            String s = text(column).strip();
            if (s.isEmpty()) return OptionalDouble.empty();
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw bad("rating", CsvFiles.quote(s) + " is not a number");
            }
            if (!(v >= 0 && v <= 10)) throw bad("rating", s + " is outside 0..10");
            return OptionalDouble.of(v);
        }
    }

    /**
     * Writes anime in the dump's layout and quirks: titles HTML-encoded, genres as a quoted list, absent values
     * as empty fields ({@code Unknown} episodes), CRLF line endings, in the given order.
     */
    public static void write(Path file, Iterable<Anime> anime) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CsvFiles.FORMAT.print(out)) {
            printer.printRecord(COLUMNS);
            for (Anime a : anime) {
                printer.printRecord(a.id(), HtmlEntities.encode(a.name()), String.join(", ", a.genres()),
                        a.type().orElse(""),
                        a.episodes().isPresent() ? Integer.toString(a.episodes().getAsInt()) : "Unknown",
                        a.rating().isPresent() ? String.format(Locale.ROOT, "%.2f", a.rating().getAsDouble()) : "",
                        a.members().isPresent() ? Integer.toString(a.members().getAsInt()) : "");
            }
        }
    }
}
