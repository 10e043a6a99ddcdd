package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** What the MAL readers share: opening UTF-8 files (BOM tolerated), the CSV dialect, line numbers, field parsing. */
final class CsvFiles {

    /** RFC 4180; CRLF and LF both end a record; blank lines carry no data and are skipped. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvFiles() {}

    /**
     * Opens a parser over a UTF-8 file, skipping a leading byte order mark. Invalid bytes decode to U+FFFD
     * rather than failing the whole read, so the row and field that hold them can be named
     * ({@link #checkText}); numeric fields reject them anyway.
     */
    static CSVParser open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 1 << 16);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') reader.reset();
            return FORMAT.parse(reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * The records of a parser as an iterator whose CSV syntax and decoding errors come out as
     * {@link DataFormatException} (Commons CSV reports them as unchecked exceptions from {@code hasNext()}).
     */
    static Records records(Path file, CSVParser parser) {
        return new Records(file, parser);
    }

    static final class Records {
        private final Path file;
        private final CSVParser parser;
        private final Iterator<CSVRecord> it;

        private Records(Path file, CSVParser parser) {
            this.file = file;
            this.parser = parser;
            this.it = parser.iterator();
        }

        /** The next record, or null at the end of the file. */
        CSVRecord next() throws DataFormatException {
            try {
                return it.hasNext() ? it.next() : null;
            } catch (UncheckedIOException | IllegalStateException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new DataFormatException(file, parser.getCurrentLineNumber() + 1, null,
                        "not valid CSV (" + cause.getMessage() + ")");
            }
        }

        /** The 1-based line on which {@code record} starts (the parser knows where it ends). */
        long startLine(CSVRecord record) {
            long line = parser.getCurrentLineNumber();
            for (String value : record) line -= lineBreaks(value);
            return Math.max(1, line);
        }
    }

    private static int lineBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) n++;
        }
        return n;
    }

    /** The text of a field, unless it holds bytes that were not valid UTF-8. */
    static String checkText(String value, Path file, long line, String field) throws DataFormatException {
        if (value.indexOf('\uFFFD') >= 0) {
            throw new DataFormatException(file, line, field, "not valid UTF-8 (" + quote(value) + ")");
        }
        return value;
    }

    /** A header names columns; a data row, even a malformed one, has at least one integer in it. */
    static boolean isHeader(CSVRecord record) {
        for (String value : record) if (parseInt(value) != Long.MIN_VALUE) return false;
        return true;
    }

    /**
     * The field to blame when a row has {@code found} fields instead of {@code header.size()}: the first missing
     * column, or the first unexpected one ({@code column 4}).
     */
    static String countField(List<String> header, int found) {
        return found < header.size() ? header.get(found) : "column " + (header.size() + 1);
    }

    /** The problem text for a row with the wrong number of fields. */
    static String countProblem(List<String> header, int found) {
        return "expected " + header.size() + " fields (" + String.join(",", header) + "), found " + found;
    }

    /** Header names compared trimmed and case-insensitively. */
    static String columnKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a field holds a decimal integer (optional sign, surrounding blanks allowed). */
    static boolean isInteger(String s) {
        String t = s.strip();
        int start = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        if (t.length() == start) return false;
        for (int i = start; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        return true;
    }

    /**
     * A decimal integer (optional sign, surrounding blanks allowed) without exceptions on the hot path, or
     * {@link Long#MIN_VALUE} when the field is not one or does not fit in an int.
     */
    static long parseInt(String s) {
        int from = 0, to = s.length();
        while (from < to && s.charAt(from) <= ' ') from++;
        while (to > from && s.charAt(to - 1) <= ' ') to--;
        boolean negative = from < to && s.charAt(from) == '-';
        if (from < to && (s.charAt(from) == '-' || s.charAt(from) == '+')) from++;
        if (from == to || to - from > 10) return Long.MIN_VALUE;
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return Long.MIN_VALUE;
            v = v * 10 + (c - '0');
        }
        if (negative) v = -v;
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? Long.MIN_VALUE : v;
    }

    /** Quotes a field value for a problem message, shortened so one bad row cannot flood a log. */
    static String quote(String value) {
        String v = value.length() > 40 ? value.substring(0, 37) + "..." : value;
        return "'" + v + "'";
    }
}
