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

    /** The field named is the first column missing, or the first one too many (the rule of every CSV reader). */
    @Test
    void wrongFieldCount() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id\n1,2\n3,4,5\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 3, "column 3", "expected 2 fields");
        Path g = write(dir, "train2.csv", "user_id,anime_id\n1,2\n3\n");
        assertFormatError(() -> new CsvPairReader().read(g), g, 3, "anime_id", "found 1");
    }

    @Test
    void unclosedQuote() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id\n1,2\n3,\"4\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 3, null,
                "not valid CSV: the quoted field opened on line 3 is not closed");
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        Path f = write(dir, "empty.csv", "");
        assertFormatError(() -> new CsvPairReader().read(f), f, 0, null, "empty file");
        Path g = write(dir, "header.csv", "user_id,anime_id\n");
        assertFormatError(() -> new CsvPairReader().read(g), g, 0, null, "no interaction after the header");
    }

    /** Commons CSV, used before, threw its own unchecked exception for a broken header: now a format error. */
    @Test
    void brokenQuotingInTheHeaderIsAFormatError() throws IOException {
        Path f = write(dir, "train.csv", "\"user_id,anime_id\n1,2\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 1, null, "not valid CSV: the quoted field opened");
        Path g = write(dir, "train2.csv", "\"user_id\"x,anime_id\n1,2\n");
        assertFormatError(() -> new CsvPairReader().read(g), g, 1, null, "'x' follows the closing quote");
    }

    @Test
    void headerNamesAreTrimmedAndCaseInsensitiveAndIdsMayHaveBlanks() throws IOException {
        Path f = write(dir, "train.csv", " User_ID ,ANIME_ID,user_id\n 7 ,+20,x\n");
        EdgeList e = new CsvPairReader().read(f);
        assertArrayEquals(new int[] {7}, e.users());
        assertArrayEquals(new int[] {20}, e.items());
    }

    @Test
    void idOutOfIntRange() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id\n2147483648,1\n");
        assertFormatError(() -> new CsvPairReader().read(f), f, 2, "user_id", "id '2147483648' does not fit in an int");
    }

    @Test
    void otherColumnNames() throws IOException {
        Path f = write(dir, "pairs.csv", "item,user\n5,1\n");
        EdgeList e = new CsvPairReader("user", "item").read(f);
        assertArrayEquals(new int[] {1}, e.users());
        assertArrayEquals(new int[] {5}, e.items());
        assertFormatError(() -> new CsvPairReader().read(f), f, 1, "user_id", "has no column 'user_id'");
    }

    /** With an optional header, a first record holding an integer is data: two fields, user then item. */
    @Test
    void optionalHeader() throws IOException {
        Path f = write(dir, "val.csv", "72561,5\n\n72561,19\n");
        EdgeList e = new CsvPairReader().withOptionalHeader().read(f);
        assertArrayEquals(new int[] {72561, 72561}, e.users());
        assertArrayEquals(new int[] {5, 19}, e.items());
        Path g = write(dir, "val2.csv", "72561,5,1\n");
        assertFormatError(() -> new CsvPairReader().withOptionalHeader().read(g), g, 1, "column 3", "found 3");
        Path h = write(dir, "val3.csv", "anime_id,user_id\n5,72561\n");
        assertArrayEquals(new int[] {72561}, new CsvPairReader().withOptionalHeader().read(h).users());
    }

    /** Each pair comes with the line its record starts on, after empty lines and quoted line breaks. */
    @Test
    void streamedPairsCarryTheirStartLines() throws IOException {
        Path f = write(dir, "train.csv", "user_id,anime_id,note\r\n1,2,\"two\r\nlines\"\r\n\r\n3,4,x\r\n");
        StringBuilder seen = new StringBuilder();
        new CsvPairReader().read(f, (user, item, line) -> seen.append(user).append(',').append(item).append('@')
                .append(line).append(' '));
        assertEquals("1,2@2 3,4@5 ", seen.toString());
    }
}
