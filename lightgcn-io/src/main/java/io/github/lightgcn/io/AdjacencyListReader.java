package io.github.lightgcn.io;

import io.github.lightgcn.io.internal.Lines;
import io.github.lightgcn.io.internal.TextFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the LightGCN paper's {@code train.txt} / {@code test.txt} format: one line per user,
 * {@code user item item ...}, whitespace-separated ids. A line holding only a user id is a user without items.
 * Blank lines are skipped; there is no header.
 */
public final class AdjacencyListReader {

    private final int indexBase;
    private final int numUsers;
    private final int numItems;

    /**
     * @param indexBase 0 or 1 (1 = the files count from 1)
     * @param numUsers  explicit number of users (ids must stay below it), or 0 for no bound
     * @param numItems  the same for items
     */
    public AdjacencyListReader(int indexBase, int numUsers, int numItems) {
        if (indexBase != 0 && indexBase != 1) {
            throw new IllegalArgumentException("index base must be 0 or 1, got " + indexBase);
        }
        this.indexBase = indexBase;
        this.numUsers = numUsers;
        this.numItems = numItems;
    }

    /** 0-based ids, no explicit bound. */
    public AdjacencyListReader() { this(0, 0, 0); }

    /**
     * Reads one file.
     *
     * @throws DataFormatException for a malformed id (naming the line and column) or a file without any user line
     */
    public EdgeList read(Path file) throws IOException {
        EdgeList edges = new EdgeList(file);
        IdParser ids = new IdParser(file, indexBase);
        try (Lines reader = TextFiles.lines(file)) {
            for (String line; (line = reader.next()) != null; ) {
                long lineNo = reader.number();
                String[] tokens = Tokens.splitWhitespace(line);
                if (tokens.length == 0) continue;
                edges.countDataLine();
                int user = ids.parse(tokens[0], lineNo, "user (column 1)", numUsers, "user");
                edges.noteUser(user);
                for (int c = 1; c < tokens.length; c++) {
                    String field = "item (column " + (c + 1) + ")";
                    edges.add(user, ids.parse(tokens[c], lineNo, field, numItems, "item"));
                }
            }
        }
        if (edges.dataLines() == 0) throw new DataFormatException(file, "empty file: no user line");
        return edges;
    }
}
