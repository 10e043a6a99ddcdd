package io.github.lightgcn.io.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes CSV records that {@link CsvReader} reads back as written: a field is quoted when it holds a comma, a
 * quote or a line break, when it starts with a character up to {@code '#'} or ends with one up to {@code ' '},
 * or when it is an empty first field (so that a record is never an empty line); quotes inside are doubled. These
 * are the quoting rules of Commons CSV's RFC 4180 printer, which wrote these files before, so the bytes written
 * have not changed ({@code CsvWriterOracleTest}).
 */
public final class CsvWriter implements Closeable {

    private final Writer out;
    private final String recordEnd;

    /**
     * @param recordEnd {@code "\r\n"} (RFC 4180) or {@code "\n"}
     */
    public CsvWriter(Path file, String recordEnd) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.recordEnd = recordEnd;
    }

    /** Writes one record. */
    public void record(Iterable<String> fields) throws IOException {
        boolean first = true;
        for (String f : fields) {
            if (!first) out.write(',');
            field(f, first);
            first = false;
        }
        out.write(recordEnd);
    }

    /** Writes one record. */
    public void record(String... fields) throws IOException {
        record(java.util.Arrays.asList(fields));
    }

    private void field(String value, boolean first) throws IOException {
        if (!needsQuotes(value, first)) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    static boolean needsQuotes(String value, boolean first) {
        if (value.isEmpty()) return first;
        if (value.charAt(0) <= '#' || value.charAt(value.length() - 1) <= ' ') return true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException { out.close(); }
}
