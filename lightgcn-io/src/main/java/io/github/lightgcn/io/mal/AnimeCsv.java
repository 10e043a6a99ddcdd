package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import io.github.lightgcn.io.internal.CsvFields;
import io.github.lightgcn.io.internal.CsvHeader;
import io.github.lightgcn.io.internal.CsvReader;
import io.github.lightgcn.io.internal.CsvWriter;
import io.github.lightgcn.io.internal.Echo;

import java.io.IOException;
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

    /** The longest name, genre list (joined by {@code ", "}) or type a catalog may hold, in bytes of UTF-8. */
    public static final int MAX_TEXT_BYTES = 65_535;

    private AnimeCsv() {}

    /** The length in bytes of {@code DataOutput.writeUTF}'s encoding (UTF-8, but NUL as 2 bytes, a pair as 6). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
        }
        return n;
    }

    /**
     * Reads a catalog.
     *
     * @throws DataFormatException for an empty file, a missing column, or a bad row (naming line and field):
     *                             a non-integer or repeated anime_id, an empty name, a malformed number, a rating
     *                             outside 0..10, a name with an HTML reference to a surrogate or non-character, a
     *                             name, genre list or type longer than {@value #MAX_TEXT_BYTES} bytes
     */
    public static AnimeCatalog read(Path file) throws IOException {
        try (CsvReader csv = CsvReader.open(file)) {
            if (!csv.next()) throw new DataFormatException(file, "the file is empty (expected a header "
                    + String.join(",", COLUMNS) + ")");
            CsvHeader header = CsvHeader.of(csv);
            int[] col = header.positions(csv, COLUMNS);
            List<Anime> anime = new ArrayList<>();
            Map<Integer, Long> lineOfId = new HashMap<>();
            int decoded = 0;
            while (csv.next()) {
                DataFormatException count = header.countError(csv);
                if (count != null) throw count;
                Row row = new Row(csv);
                int id = row.integer(col[0], "anime_id", 0);
                Long earlier = lineOfId.putIfAbsent(id, csv.line());
                if (earlier != null) {
                    throw csv.error("anime_id", "id " + id + " already appeared on line " + earlier);
                }
                String raw = row.text(col[1], "name");
                if (raw.isBlank()) throw csv.error("name", "the name is empty");
                String name;
                try {
                    name = HtmlEntities.decode(raw);
                } catch (IllegalArgumentException e) {
                    throw csv.error("name", e.getMessage());
                }
                if (name != raw) decoded++;
                List<String> genres = genres(row.text(col[2], "genre"));
                Optional<String> type = optional(row.text(col[3], "type"));
                row.savable(name.strip(), "name");
                row.savable(String.join(", ", genres), "genre");
                row.savable(type.orElse(""), "type");
                anime.add(new Anime(id, name.strip(), genres, type,
                        row.optionalInteger(col[4], "episodes", "Unknown"), row.optionalRating(col[5]),
                        row.optionalInteger(col[6], "members", null)));
            }
            return AnimeCatalog.of(anime, decoded);
        }
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

    /** The field rules of one record, so every problem names file, line and field. */
    private record Row(CsvReader csv) {

        /**
         * Refuses text a model file could not keep: its anime metadata stores each text in at most
         * {@value AnimeCsv#MAX_TEXT_BYTES} bytes of UTF-8 (as {@code DataOutput.writeUTF} counts them), so a longer
         * one fails here, at load time, rather than at the save after a whole training.
         */
        void savable(String text, String field) throws DataFormatException {
            long bytes = utf8Length(text);
            if (bytes > MAX_TEXT_BYTES) {
                throw bad(field, String.format(Locale.ROOT, "the %s is %,d bytes long in UTF-8; a model file keeps "
                        + "at most %,d", field, bytes, MAX_TEXT_BYTES));
            }
        }

        /** A text field, checked for bytes that were not UTF-8. */
        String text(int column, String field) throws DataFormatException {
            return CsvFields.text(csv, column, field);
        }

        DataFormatException bad(String field, String problem) {
            return csv.error(field, problem);
        }

        int integer(int column, String field, int min) throws DataFormatException {
            String s = csv.get(column).strip();
            if (!CsvFields.isInteger(s)) throw bad(field, CsvFields.quote(s) + " is not an integer");
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                v = Long.MAX_VALUE;
            }
            if (v < min || v > Integer.MAX_VALUE) {
                throw bad(field, Echo.text(s) + " is out of range " + min + ".." + Integer.MAX_VALUE);
            }
            return (int) v;
        }

        /** Empty, or the given placeholder word (e.g. {@code Unknown}), is absent; anything else an integer >= 0. */
        OptionalInt optionalInteger(int column, String field, String placeholder) throws DataFormatException {
            String s = csv.get(column).strip();
            if (s.isEmpty() || s.equalsIgnoreCase(placeholder)) return OptionalInt.empty();
            return OptionalInt.of(integer(column, field, 0));
        }

        OptionalDouble optionalRating(int column) throws DataFormatException {
            String s = csv.get(column).strip();
            if (s.isEmpty()) return OptionalDouble.empty();
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw bad("rating", CsvFields.quote(s) + " is not a number");
            }
            if (!(v >= 0 && v <= 10)) throw bad("rating", Echo.text(s) + " is outside 0..10");
            return OptionalDouble.of(v);
        }
    }

    /**
     * Writes anime in the dump's layout and quirks: titles HTML-encoded, genres as a quoted list, absent values
     * as empty fields ({@code Unknown} episodes), CRLF line endings, in the given order.
     */
    public static void write(Path file, Iterable<Anime> anime) throws IOException {
        try (CsvWriter out = new CsvWriter(file, "\r\n")) {
            out.record(COLUMNS);
            for (Anime a : anime) {
                out.record(Integer.toString(a.id()), HtmlEntities.encode(a.name()), String.join(", ", a.genres()),
                        a.type().orElse(""),
                        a.episodes().isPresent() ? Integer.toString(a.episodes().getAsInt()) : "Unknown",
                        a.rating().isPresent() ? String.format(Locale.ROOT, "%.2f", a.rating().getAsDouble()) : "",
                        a.members().isPresent() ? Integer.toString(a.members().getAsInt()) : "");
            }
        }
    }
}
