package io.github.lightgcn.io;

import io.github.lightgcn.io.internal.Echo;

import java.nio.file.Path;

/**
 * Turns one text field into an id, applying the index base and the universe bound, and reports every failure as
 * a {@link DataFormatException} naming the file, line and field (never a NumberFormatException).
 */
final class IdParser {

    /**
     * The largest id accepted when the universe is inferred: ids index dense arrays, so a huge id is almost always
     * an original (sparse) id given to a dense-id format, and would otherwise end in an OutOfMemoryError.
     */
    static final int MAX_INFERRED_ID = 99_999_999;

    private final Path file;
    private final int indexBase;

    IdParser(Path file, int indexBase) {
        this.file = file;
        this.indexBase = indexBase;
    }

    /**
     * The id in {@code token} minus the index base.
     *
     * @param limit the explicit universe size for this side, or 0 when inferred
     * @param side  "user" or "item", for messages
     */
    int parse(String token, long line, String field, int limit, String side) throws DataFormatException {
        long raw = parseRaw(token, line, field);
        long id = raw - indexBase;
        if (id < 0) {
            String problem = indexBase == 0 ? "id " + raw + " is negative"
                    : "id " + raw + " is below 1, the first id of a 1-based file";
            throw new DataFormatException(file, line, field, problem);
        }
        if (limit > 0 && id >= limit) {
            throw new DataFormatException(file, line, field, "id " + raw + " is out of range: the number of "
                    + side + "s is " + limit + ", so ids go from " + indexBase + " to " + (limit - 1 + indexBase));
        }
        if (limit == 0 && id > MAX_INFERRED_ID) {
            throw new DataFormatException(file, line, field, "id " + raw + " is larger than " + MAX_INFERRED_ID
                    + ", the largest dense id accepted without an explicit number of " + side + "s"
                    + " (original, sparse ids belong in a csv file, which maps them)");
        }
        return (int) id;
    }

    /** An original id (a label that the reader maps to a dense index): any integer from 0 to Integer.MAX_VALUE. */
    int parseOriginal(String token, long line, String field) throws DataFormatException {
        long raw = parseRaw(token, line, field);
        if (raw < 0) throw new DataFormatException(file, line, field, "id " + raw + " is negative");
        return (int) raw;
    }

    /** A plain integer id: optional minus sign and ASCII digits only (no '+', no decimals, no non-ASCII digits). */
    long parseRaw(String token, long line, String field) throws DataFormatException {
        if (token.isEmpty()) throw new DataFormatException(file, line, field, "empty id");
        int start = token.charAt(0) == '-' ? 1 : 0;
        if (start == token.length() || token.length() - start > 12) throw notAnInteger(token, line, field);
        long value = 0;
        for (int p = start; p < token.length(); p++) {
            char c = token.charAt(p);
            if (c < '0' || c > '9') throw notAnInteger(token, line, field);
            value = value * 10 + (c - '0');
        }
        if (value > Integer.MAX_VALUE) {
            throw new DataFormatException(file, line, field, "id " + Echo.quote(token) + " does not fit in an int");
        }
        return start == 1 ? -value : value;
    }

    private DataFormatException notAnInteger(String token, long line, String field) {
        return new DataFormatException(file, line, field, Echo.quote(token) + " is not an integer id");
    }
}
