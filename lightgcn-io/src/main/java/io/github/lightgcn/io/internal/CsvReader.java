package io.github.lightgcn.io.internal;

import io.github.lightgcn.io.DataFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file one record at a time, remembering the line each record starts on. The dialect is RFC 4180 as
 * Commons CSV reads it (which the io module used before; {@code CsvReaderOracleTest} holds the two to the same
 * records on random input):
 * <ul>
 *   <li>fields are separated by commas; a record ends at LF, CRLF or CR, or at the end of the file;</li>
 *   <li>a field that starts with a double quote is quoted: it runs to the next lone quote, may hold commas and
 *       line breaks, and writes a quote as two; blanks ({@link Character#isWhitespace}) may follow the closing
 *       quote, anything else is an error;</li>
 *   <li>a quote inside an unquoted field is an ordinary character; nothing is trimmed;</li>
 *   <li>empty lines carry no record and are skipped; a line of blanks is a record of one field.</li>
 * </ul>
 * Text is UTF-8 ({@link TextFiles}). Broken quoting is a {@link DataFormatException} naming the file and line, and
 * so is a record longer than {@link TextFiles#MAX_LINE_CHARS} characters or of more than {@value #MAX_FIELDS} fields
 * (a file that is not CSV, or a quote never closed: the reader never holds more than one such record).
 * Not thread-safe; the field values of a record are valid until the next call of {@link #next()}.
 */
public final class CsvReader implements Closeable {

    private static final int EOF = -1;
    /** The most fields a record may have. */
    public static final int MAX_FIELDS = 1 << 16;

    private final Path file;
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int last = EOF;       // the previous character, so that CRLF counts as one line break
    private long breaks;          // line breaks read so far: the current line is breaks + 1
    private long consumed;        // characters read before buffer[0]
    private long recordStart;     // where the current record starts, counted as consumed + position
    private final StringBuilder value = new StringBuilder();
    private String[] fields = new String[8];
    private int size;
    private long line;

    private CsvReader(Path file, Reader in) {
        this.file = file;
        this.in = in;
    }

    /**
     * @throws NoSuchFileException when {@code file} does not exist
     * @throws DataFormatException when it is a folder, device, pipe or socket
     */
    public static CsvReader open(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, Files.isDirectory(file) ? "this is a folder, not a file"
                    : "this is not a regular file (a device, pipe or socket)");
        }
        return new CsvReader(file, TextFiles.open(file));
    }

    /** The file read, for messages. */
    public Path file() { return file; }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the file
     * @throws DataFormatException for a quoted field that is not closed, or text after a closing quote
     */
    public boolean next() throws IOException {
        size = 0;
        int c = read();
        while (c == '\r' || c == '\n') { // an empty line
            endOfLine(c);
            c = read();
        }
        if (c == EOF) return false;
        line = breaks + 1;
        recordStart = consumed + position - 1;
        while (true) {
            value.setLength(0);
            c = c == '"' ? quoted() : unquoted(c);
            add(value.toString());
            if (c != ',') break;
            c = read();
        }
        endOfLine(c);
        return true;
    }

    /** Number of fields of the current record (at least 1). */
    public int size() { return size; }

    /** Field {@code i} of the current record, as written (unquoted, not trimmed). */
    public String get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("field " + i + " of a record of " + size);
        return fields[i];
    }

    /** The fields of the current record (a copy). */
    public List<String> values() { return List.of(Arrays.copyOf(fields, size)); }

    /** The 1-based line on which the current record starts. */
    public long line() { return line; }

    /** A problem in the current record: the file, its line and {@code field} (may be null) and the problem. */
    public DataFormatException error(String field, String problem) {
        return new DataFormatException(file, line, field, problem);
    }

    @Override
    public void close() throws IOException { in.close(); }

    /** The rest of an unquoted field, from its first character {@code c}; returns the character that ended it. */
    private int unquoted(int c) throws IOException {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            if (value.length() == TextFiles.MAX_LINE_CHARS) throw tooLong();
            value.append((char) c);
            c = read();
        }
        return c;
    }

    /** A quoted field, its opening quote just read; returns the character after it (comma, line end or EOF). */
    private int quoted() throws IOException {
        long opened = breaks + 1;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new DataFormatException(file, opened, null, "not valid CSV: the quoted field opened on line "
                        + opened + " is not closed before the end of the file");
            }
            if (value.length() == TextFiles.MAX_LINE_CHARS) throw tooLong();
            if (c != '"') {
                value.append((char) c);
            } else if (peek() == '"') {
                read();
                value.append('"');
            } else {
                return afterClosingQuote(opened);
            }
        }
    }

    /**
     * After the quote that closes a field opened on line {@code opened}: text after it is an error, at the line of
     * that text. When the field spans lines, the likely mistake is on the line it opened (a quote never closed there,
     * the "closing" quote being the opening quote of a later field): the message names that line first.
     */
    private int afterClosingQuote(long opened) throws IOException {
        while (true) {
            int c = read();
            if (c == ',' || c == '\n' || c == '\r' || c == EOF) return c;
            if (!Character.isWhitespace((char) c)) {
                long here = breaks + 1;
                String text = Echo.quote(String.valueOf((char) c));
                throw new DataFormatException(file, here, null, here == opened
                        ? "not valid CSV: " + text + " follows the closing quote of a field (a quote inside a quoted"
                                + " field is written as two quotes)"
                        : "not valid CSV: the quoted field opened on line " + opened + " is not closed on that line"
                                + " (a quote missing on line " + opened + "?); the quote that closes it, here, is"
                                + " followed by " + text + " (a quote inside a quoted field is written as two quotes)");
            }
        }
    }

    /** After {@code c}, a CR or LF: a CRLF is one line end. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') read();
    }

    private void add(String field) throws DataFormatException {
        if (consumed + position - recordStart > TextFiles.MAX_LINE_CHARS) throw tooLong();
        if (size == MAX_FIELDS) {
            throw error(null, String.format(Locale.ROOT, "the record has more than %,d fields: this is not a file"
                    + " of this format", MAX_FIELDS));
        }
        if (size == fields.length) fields = Arrays.copyOf(fields, size * 2);
        fields[size++] = field;
    }

    private DataFormatException tooLong() {
        return error(null, String.format(Locale.ROOT, "the record is longer than %,d characters: this is not a file"
                + " of this format (or a quote is never closed)", TextFiles.MAX_LINE_CHARS));
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            last = EOF;
            return EOF;
        }
        char c = buffer[position++];
        if (c == '\r' || (c == '\n' && last != '\r')) breaks++;
        last = c;
        return c;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) return EOF;
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) return false;
        consumed += limit;
        position = 0;
        limit = n;
        return true;
    }
}
