package io.github.lightgcn.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that cannot be read as its format says: the message always names the file, and the line number
 * (1-based) and field when the problem is in one row, e.g.
 * {@code ratings.csv, line 17, field anime_id: 'abc' is not an integer}.
 */
public class DataFormatException extends IOException {

    private final Path file;
    private final long line;
    private final String field;

    /** A problem at one line (line ≥ 1) and field (may be null when the whole row is wrong). */
    public DataFormatException(Path file, long line, String field, String problem) {
        super(describe(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** A problem with the file as a whole (empty, missing column, nothing left after filtering). */
    public DataFormatException(Path file, String problem) {
        this(file, 0, null, problem);
    }

    private static String describe(Path file, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) sb.append(", line ").append(line);
        if (field != null) sb.append(", field ").append(field);
        return sb.append(": ").append(problem).toString();
    }

    /** The file concerned. */
    public Path file() { return file; }

    /** The 1-based line number, or 0 when the problem is not in one line. */
    public long line() { return line; }

    /** The field (column name) concerned, or null. */
    public String field() { return field; }
}
