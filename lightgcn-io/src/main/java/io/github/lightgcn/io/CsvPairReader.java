package io.github.lightgcn.io;

import io.github.lightgcn.io.internal.CsvFields;
import io.github.lightgcn.io.internal.CsvHeader;
import io.github.lightgcn.io.internal.CsvReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the CSV split format: (user, item) pairs of original ids, one per record, under a header that names the
 * columns, e.g. the MAL split's {@code train.csv}:
 * <pre>
 * user_id,anime_id
 * 72561,5
 * 72561,19
 * </pre>
 * <ul>
 *   <li>The user and item columns are found by name (trimmed, case-insensitive; any order; other columns are
 *       ignored). {@link #withOptionalHeader()} also reads files without a header: a first record holding an
 *       integer is then data, of exactly two fields, user then item.</li>
 *   <li>Every record has as many fields as the header.</li>
 *   <li>An id is a decimal integer from 0 to {@value Integer#MAX_VALUE} (a {@code +} sign and blanks around it
 *       allowed, as in every CSV file the io module reads). Ids are returned unmapped; {@link SplitReader} maps
 *       them to dense indexes.</li>
 *   <li>Repeated pairs are kept here (the graph merges and counts them). Empty lines are skipped.</li>
 *   <li>RFC 4180 quoting, UTF-8 (a byte order mark is skipped), LF, CRLF or CR line ends.</li>
 * </ul>
 * A malformed record is a {@link DataFormatException} naming the file, the line the record starts on and the
 * column.
 */
public final class CsvPairReader {

    /** The MAL split's columns. */
    public static final String MAL_USER_COLUMN = "user_id", MAL_ITEM_COLUMN = "anime_id";

    /** Receives the pairs of a file in file order. */
    @FunctionalInterface
    public interface PairSink {
        /** One pair, read from the record starting on {@code line}. */
        void pair(int user, int item, long line) throws DataFormatException;
    }

    private final String userColumn;
    private final String itemColumn;
    private final boolean headerOptional;

    private CsvPairReader(String userColumn, String itemColumn, boolean headerOptional) {
        if (userColumn == null || userColumn.isBlank()) throw new IllegalArgumentException("userColumn is blank");
        if (itemColumn == null || itemColumn.isBlank()) throw new IllegalArgumentException("itemColumn is blank");
        this.userColumn = userColumn;
        this.itemColumn = itemColumn;
        this.headerOptional = headerOptional;
    }

    /** Pairs in the named columns, under a header that must be there. */
    public CsvPairReader(String userColumn, String itemColumn) { this(userColumn, itemColumn, false); }

    /** The MAL split's {@code user_id,anime_id} columns. */
    public CsvPairReader() { this(MAL_USER_COLUMN, MAL_ITEM_COLUMN); }

    /** The same columns, and files without a header line read as {@code user,item} records. */
    public CsvPairReader withOptionalHeader() { return new CsvPairReader(userColumn, itemColumn, true); }

    /**
     * Reads a whole file.
     *
     * @throws DataFormatException for an empty file, a header without the two columns, a malformed record, or a
     *                             file without any pair
     */
    public EdgeList read(Path file) throws IOException {
        EdgeList edges = new EdgeList(file);
        read(file, (user, item, line) -> {
            edges.countDataLine();
            edges.add(user, item);
        });
        if (edges.size() == 0) throw new DataFormatException(file, "no interaction after the header line");
        return edges;
    }

    /**
     * Streams the pairs of a file to {@code sink}; a file with a header and no pair is not an error here.
     *
     * @throws DataFormatException for an empty file, a header without the two columns or a malformed record
     */
    public void read(Path file, PairSink sink) throws IOException {
        try (CsvReader csv = CsvReader.open(file)) {
            if (!csv.next()) {
                throw new DataFormatException(file, "empty file: no header line (expected " + userColumn + ","
                        + itemColumn + ")");
            }
            List<String> columns = List.of(userColumn, itemColumn);
            boolean data = headerOptional && !CsvFields.isHeader(csv);
            CsvHeader header = data ? CsvHeader.implicit(columns) : CsvHeader.of(csv);
            int[] at = data ? new int[]{0, 1} : header.positions(csv, columns);
            if (data || csv.next()) {
                do {
                    DataFormatException count = header.countError(csv);
                    if (count != null) throw count;
                    sink.pair(id(csv, at[0], userColumn), id(csv, at[1], itemColumn), csv.line());
                } while (csv.next());
            }
        }
    }

    private static int id(CsvReader csv, int column, String field) throws DataFormatException {
        String value = csv.get(column);
        long id = CsvFields.parseInt(value);
        if (id == CsvFields.NOT_AN_INT) {
            String shown = CsvFields.quote(value.strip());
            throw csv.error(field, value.isBlank() ? "empty id" : CsvFields.isInteger(value)
                    ? "id " + shown + " does not fit in an int" : shown + " is not an integer id");
        }
        if (id < 0) throw csv.error(field, "id " + id + " is negative");
        return (int) id;
    }
}
