package io.github.lightgcn.io.internal;

import io.github.lightgcn.io.DataFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The lines of a text file, as {@link java.io.BufferedReader#readLine()} splits them (at LF, CRLF or CR; a last line
 * without a line end counts), but none longer than {@link TextFiles#MAX_LINE_CHARS}: a file without line ends (or a
 * binary one) is a {@link DataFormatException} naming the line, not an OutOfMemoryError. Not thread-safe.
 */
public final class Lines implements Closeable {

    private final Path file;
    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position, limit;
    private boolean skipLf; // the previous line ended with CR: an LF right after it belongs to that line end
    private final StringBuilder line = new StringBuilder();
    private long number;

    Lines(Path file, Reader in) { this(file, in, TextFiles.MAX_LINE_CHARS); }

    Lines(Path file, Reader in, int maxChars) {
        this.file = file;
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its line end, or null at the end of the file.
     *
     * @throws DataFormatException when the line is longer than the limit
     */
    public String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (position == limit) {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    if (!any) return null;
                    number++;
                    return line.toString();
                }
                position = 0;
                limit = n;
            }
            if (skipLf) {
                skipLf = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') position++;
            if (line.length() + (position - start) > maxChars) throw tooLong();
            line.append(buffer, start, position - start);
            if (position < limit) {
                skipLf = buffer[position++] == '\r';
                number++;
                return line.toString();
            }
        }
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    public long number() { return number; }

    private DataFormatException tooLong() {
        return new DataFormatException(file, number + 1, null, String.format(Locale.ROOT, "the line is longer than "
                + "%,d characters: this is not a file of this format (or its line ends are missing)", maxChars));
    }

    @Override
    public void close() throws IOException { in.close(); }
}
