package io.github.lightgcn.io.internal;

import io.github.lightgcn.io.DataFormatException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a CSV file, found by name: names are compared trimmed and case-insensitively, and the first of
 * repeated names counts. Also the rule that every record has as many fields as the header.
 */
public final class CsvHeader {

    private final List<String> names;
    private final long line;
    private final Map<String, Integer> positions = new HashMap<>();

    private CsvHeader(List<String> names, long line) {
        this.names = List.copyOf(names);
        this.line = line;
        for (int i = 0; i < names.size(); i++) positions.putIfAbsent(key(names.get(i)), i);
    }

    /** The current record of {@code reader} as a header. */
    public static CsvHeader of(CsvReader reader) { return new CsvHeader(reader.values(), reader.line()); }

    /** Columns known without a header line (a file whose first record is data). */
    public static CsvHeader implicit(List<String> names) { return new CsvHeader(names, 0); }

    /** The names as written. */
    public List<String> names() { return names; }

    public int size() { return names.size(); }

    /** The line of the header record, or 0 for an implicit header. */
    public long line() { return line; }

    /**
     * The positions of {@code columns}, in their order.
     *
     * @throws DataFormatException at the header line, field = the first column missing
     */
    public int[] positions(CsvReader reader, List<String> columns) throws DataFormatException {
        int[] at = new int[columns.size()];
        for (int c = 0; c < at.length; c++) {
            Integer p = positions.get(key(columns.get(c)));
            if (p == null) {
                throw new DataFormatException(reader.file(), line, columns.get(c), "the header has no column '"
                        + columns.get(c) + "' (found: " + Echo.text(String.join(",", names)) + "; expected "
                        + String.join(",", columns) + ")");
            }
            at[c] = p;
        }
        return at;
    }

    /**
     * The problem with the current record's number of fields, or null when it matches the header: the field named
     * is the first missing column, or the first unexpected one ({@code column 4}).
     */
    public DataFormatException countError(CsvReader reader) {
        int found = reader.size();
        if (found == names.size()) return null;
        String field = found < names.size() ? Echo.text(names.get(found)) : "column " + (names.size() + 1);
        return reader.error(field, "expected " + names.size() + " fields (" + Echo.text(String.join(",", names))
                + "), found " + found);
    }

    private static String key(String name) { return name.strip().toLowerCase(Locale.ROOT); }
}
