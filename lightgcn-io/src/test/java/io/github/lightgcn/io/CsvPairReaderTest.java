package io.github.lightgcn.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.lightgcn.io.TestFiles.assertFormatError;
import static io.github.lightgcn.io.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvPairReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsOriginalIdsWithLfOrCrlf() throws IOException {
        for (String eol : new String[] {"\n", "\r\n"}) {
            Path f = write(dir, "train.csv", "user_id,anime_id" + eol + "72561,5" + eol + "72561,19" + eol
                    + eol + "73516,34527" + eol);
            EdgeList e = new CsvPairReader().read(f);
            assertArrayEquals(new int[] {72561, 72561, 73516}, e.users());
            assertArrayEquals(new int[] {5, 19, 34527}, e.items());
            assertEquals(3, e.dataLines());
        }
    }

    @Test
    void columnsAreFoundByNameAndQuotesAreUnderstood() throws IOException {
        Path f = write(dir, "ratings.csv", "anime_id,rating,user_id\r\n\"20\",8,7\r\n21,-1,\"7\"\r\n");
        EdgeList e = new CsvPairReader().read(f);
        assertArrayEquals(new int[] {7, 7}, e.users());
        assertArrayEquals(new int[] {20, 21}, e.items());
    }

    @Test
    void missingColumn() throws IOException {
        Path f = write(dir, "train.csv", "user_id,item_id\n1,2\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 1, "anime_id", "has no column 'anime_id'");
    }

    @Test
    void headerlessFileLacksTheColumns() throws IOException {
        Path f = write(dir, "train.csv", "72561,5\n72561,19\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 1, "user_id", "has no column 'user_id'");
    }

    @Test
    void nonNumericId() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id\r\n1,2\r\n1,abc\r\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 3, "anime_id", "'abc' is not an integer");
    }

    @Test
    void negativeId() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id\n1,2\n\n-1,3\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 4, "user_id", "id -1 is negative");
    }

    @Test
    void emptyId() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id\n1,\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 2, "anime_id", "empty id");
    }

    @Test
    void wrongFieldCount() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id\n1,2\n3,4,5\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 3, null, "expected 2 fields");
        Path g = write(dir, "train2.csv", "user_id,anime_id\n1,2\n3\n");
        assertFormatError(() -> new CsvPairReader().read(g), g, 3, null, "found 1");
    }

    @Test
    void unclosedQuote() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id\n1,2\n3,\"4\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 3, null, "unreadable CSV");
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        Path f = write(dir, "empty.csv", "");
        assertFormatError(() -> new CsvPairReader().read(f), f, 0, null, "empty file");
        Path g = write(dir, "header.csv", "user_id,anime_id\n");
        assertFormatError(() -> new CsvPairReader().read(g), g, 0, null, "no interaction after the header");
    }
}
