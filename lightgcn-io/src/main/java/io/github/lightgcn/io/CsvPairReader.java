package io.github.lightgcn.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Reads (user, item) pairs from a CSV file with a header, e.g. the MAL split's {@code user_id,anime_id}. Ids are
 * the original ids (any integer from 0 up), returned unmapped; {@link SplitReader} maps them to dense indexes.
 * RFC 4180 quoting, LF or CRLF line ends, blank lines skipped; every record must have as many fields as the header.
 */
public final class CsvPairReader {

    /** The MAL split's columns. */
    public static final String MAL_USER_COLUMN = "user_id", MAL_ITEM_COLUMN = "anime_id";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final String userColumn;
    private final String itemColumn;

    public CsvPairReader(String userColumn, String itemColumn) {
        this.userColumn = userColumn;
        this.itemColumn = itemColumn;
    }

    /** The MAL split's {@code user_id,anime_id} columns. */
    public CsvPairReader() { this(MAL_USER_COLUMN, MAL_ITEM_COLUMN); }

    public EdgeList read(Path file) throws IOException {
        EdgeList edges = new EdgeList(file);
        IdParser ids = new IdParser(file, 0);
        try (BufferedReader reader = TextLines.open(file);
             CSVParser parser = parse(file, reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) throw new DataFormatException(file, "empty file: no header line");
            int userIndex = columnIndex(file, header, userColumn);
            int itemIndex = columnIndex(file, header, itemColumn);
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) break;
                    record = records.next();
                } catch (UncheckedIOException e) { // Commons CSV wraps syntax errors (e.g. an unclosed quote)
                    throw new DataFormatException(file, parser.getCurrentLineNumber(), null,
                            "unreadable CSV: " + e.getCause().getMessage());
                }
                long line = parser.getCurrentLineNumber(); // the line where the record ends
                if (record.size() != header.size()) {
                    throw new DataFormatException(file, line, null, "expected " + header.size() + " fields as in"
                            + " the header " + header + ", found " + record.size());
                }
                edges.countDataLine();
                edges.add(ids.parseOriginal(record.get(userIndex), line, userColumn),
                        ids.parseOriginal(record.get(itemIndex), line, itemColumn));
            }
        }
        if (edges.size() == 0) throw new DataFormatException(file, "no interaction after the header line");
        return edges;
    }

    private static CSVParser parse(Path file, BufferedReader reader) throws IOException {
        try {
            return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IllegalArgumentException e) { // e.g. a duplicate or empty column name in the header
            throw new DataFormatException(file, 1, null, "bad header: " + e.getMessage());
        }
    }

    private static int columnIndex(Path file, List<String> header, String column) throws DataFormatException {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new DataFormatException(file, 1, column, "the header " + header + " has no column '" + column + "'");
        }
        return index;
    }
}
