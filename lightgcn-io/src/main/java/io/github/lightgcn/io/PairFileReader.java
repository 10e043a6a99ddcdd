package io.github.lightgcn.io;

import io.github.lightgcn.io.internal.Lines;
import io.github.lightgcn.io.internal.TextFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads one interaction per line, {@code user<sep>item[<sep>extra...]}, e.g. the LightGCN reference's LastFM
 * {@code data1.txt} ({@code user<TAB>item<TAB>weight}, 1-based).
 *
 * <ul>
 *   <li>The separator is detected per file from its first data line: tab if it has one, else comma if it has one,
 *       else runs of spaces.</li>
 *   <li>The first non-blank line is a header, and skipped, when its first field is not a number.</li>
 *   <li>Every data line must have as many columns as the first (at least two): a ragged line usually means a
 *       wrong separator or a truncated file. Columns after the second are ignored.</li>
 *   <li>Blank lines are skipped. Repeated pairs are kept here and merged (and counted) by the graph.</li>
 *   <li>Fields are plain separated values: a comma-separated pair file is not CSV (no quoting, every field
 *       trimmed); CSV files with a header are the csv format ({@link CsvPairReader}).</li>
 * </ul>
 */
public final class PairFileReader {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private enum Separator {
        TAB("tab"), COMMA("comma"), SPACE("spaces");

        final String label;

        Separator(String label) { this.label = label; }

        static Separator detect(String line) {
            if (line.indexOf('\t') >= 0) return TAB;
            if (line.indexOf(',') >= 0) return COMMA;
            return SPACE;
        }

        String[] split(String line) {
            return switch (this) {
                case TAB -> Tokens.split(line, '\t');
                case COMMA -> Tokens.split(line, ',');
                case SPACE -> Tokens.splitWhitespace(line);
            };
        }
    }

    private final int indexBase;
    private final int numUsers;
    private final int numItems;

    /**
     * @param indexBase 0 or 1 (1 = subtract 1 from every id)
     * @param numUsers  explicit number of users (ids must stay below it after the base), or 0 for no bound
     * @param numItems  the same for items
     */
    public PairFileReader(int indexBase, int numUsers, int numItems) {
        if (indexBase != 0 && indexBase != 1) {
            throw new IllegalArgumentException("index base must be 0 or 1, got " + indexBase);
        }
        this.indexBase = indexBase;
        this.numUsers = numUsers;
        this.numItems = numItems;
    }

    /** 0-based ids, no explicit bound. */
    public PairFileReader() { this(0, 0, 0); }

    /**
     * Reads one file.
     *
     * @throws DataFormatException for a ragged line or a malformed id (naming the line and column), or a file
     *                             without any pair
     */
    public EdgeList read(Path file) throws IOException {
        EdgeList edges = new EdgeList(file);
        IdParser ids = new IdParser(file, indexBase);
        Separator separator = null;
        int columns = 0;
        long firstDataLine = 0;
        boolean firstNonBlank = true;
        try (Lines reader = TextFiles.lines(file)) {
            for (String line; (line = reader.next()) != null; ) {
                long lineNo = reader.number();
                if (line.isBlank()) continue;
                if (firstNonBlank) {
                    firstNonBlank = false;
                    String[] head = Separator.detect(line).split(line);
                    if (!NUMBER.matcher(head[0]).matches()) {
                        edges.markHeaderSkipped();
                        continue;
                    }
                }
                if (separator == null) {
                    separator = Separator.detect(line);
                    columns = separator.split(line).length;
                    firstDataLine = lineNo;
                    if (columns < 2) {
                        throw new DataFormatException(file, lineNo, null, "expected at least 2 columns (user, item),"
                                + " found 1");
                    }
                }
                String[] fields = separator.split(line);
                if (fields.length != columns) {
                    String hint = separator == Separator.SPACE && columns > 2
                            ? "; a user followed by a varying number of items per line is the adj format" : "";
                    throw new DataFormatException(file, lineNo, null, "expected " + columns + " columns separated by "
                            + separator.label + " (as on line " + firstDataLine + "), found " + fields.length + hint);
                }
                edges.countDataLine();
                int user = ids.parse(fields[0], lineNo, "user (column 1)", numUsers, "user");
                int item = ids.parse(fields[1], lineNo, "item (column 2)", numItems, "item");
                edges.add(user, item);
            }
        }
        if (edges.size() == 0) {
            throw new DataFormatException(file, edges.headerSkipped() ? "no interaction after the header line"
                    : "empty file: no interaction");
        }
        return edges;
    }
}
