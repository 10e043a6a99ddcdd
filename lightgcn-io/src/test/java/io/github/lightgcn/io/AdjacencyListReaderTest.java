package io.github.lightgcn.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.lightgcn.io.TestFiles.assertFormatError;
import static io.github.lightgcn.io.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AdjacencyListReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsUserLinesInOrder() throws IOException {
        Path f = write(dir, "train.txt", "0 1 2 3\n1 0\n2 4 1\n");
        EdgeList e = new AdjacencyListReader().read(f);
        assertArrayEquals(new int[] {0, 0, 0, 1, 2, 2}, e.users());
        assertArrayEquals(new int[] {1, 2, 3, 0, 4, 1}, e.items());
        assertEquals(2, e.maxUser());
        assertEquals(4, e.maxItem());
        assertEquals(3, e.dataLines());
        assertFalse(e.headerSkipped());
    }

    @Test
    void crlfTabsExtraBlanksAndBlankLines() throws IOException {
        Path f = write(dir, "train.txt", "0 1  2\r\n\r\n  1\t3 \r\n\n");
        EdgeList e = new AdjacencyListReader().read(f);
        assertArrayEquals(new int[] {0, 0, 1}, e.users());
        assertArrayEquals(new int[] {1, 2, 3}, e.items());
        assertEquals(2, e.dataLines());
    }

    @Test
    void lineWithOnlyAUserIsAUserWithoutItems() throws IOException {
        Path f = write(dir, "train.txt", "0 1\n5\n");
        EdgeList e = new AdjacencyListReader().read(f);
        assertEquals(1, e.size());
        assertEquals(5, e.maxUser());
        assertEquals(6, e.toGraph(6, 2).numUsers());
        assertEquals(0, e.toGraph(6, 2).userDegree(5));
    }

    @Test
    void oneBasedIdsAreShifted() throws IOException {
        Path f = write(dir, "train.txt", "1 1 2\n2 3\n");
        EdgeList e = new AdjacencyListReader(1, 0, 0).read(f);
        assertArrayEquals(new int[] {0, 0, 1}, e.users());
        assertArrayEquals(new int[] {0, 1, 2}, e.items());
    }

    @Test
    void nonNumericItemNamesLineAndColumn() throws IOException {
        Path f = write(dir, "train.txt", "0 1 2\n1 3 x7 4\n");
        assertFormatError(() -> new AdjacencyListReader().read(f), f, 2, "item (column 3)", "'x7' is not an integer");
    }

    @Test
    void decimalAndPlusSignAreNotIds() throws IOException {
        Path f = write(dir, "train.txt", "0 1.0\n");
        assertFormatError(() -> new AdjacencyListReader().read(f), f, 1, "item (column 2)", "'1.0' is not an integer");
        Path g = write(dir, "train2.txt", "+0 1\n");
        assertFormatError(() -> new AdjacencyListReader().read(g), g, 1, "user (column 1)", "'+0' is not an integer");
    }

    @Test
    void negativeUser() throws IOException {
        Path f = write(dir, "train.txt", "0 1\n\n-3 2\n");
        assertFormatError(() -> new AdjacencyListReader().read(f), f, 3, "user (column 1)", "id -3 is negative");
    }

    @Test
    void zeroInAOneBasedFile() throws IOException {
        Path f = write(dir, "train.txt", "1 1\n2 0\n");
        assertFormatError(() -> new AdjacencyListReader(1, 0, 0).read(f), f, 2, "item (column 2)", "id 0 is below 1");
    }

    @Test
    void idAtTheExplicitSizeIsOutOfRange() throws IOException {
        Path f = write(dir, "train.txt", "0 1\n1 2 4\n");
        assertFormatError(() -> new AdjacencyListReader(0, 10, 4).read(f), f, 2, "item (column 3)",
                "the number of items is 4");
        Path g = write(dir, "train2.txt", "0 1\n3 2\n");
        assertFormatError(() -> new AdjacencyListReader(0, 3, 10).read(g), g, 2, "user (column 1)",
                "the number of users is 3");
    }

    @Test
    void idTooLargeForAnIntOrADenseUniverse() throws IOException {
        Path f = write(dir, "train.txt", "0 99999999999\n");
        assertFormatError(() -> new AdjacencyListReader().read(f), f, 1, "item (column 2)", "does not fit in an int");
        Path g = write(dir, "train2.txt", "0 2000000000\n");
        assertFormatError(() -> new AdjacencyListReader().read(g), g, 1, "item (column 2)", "larger than 99999999");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write(dir, "train.txt", "\n  \n");
        assertFormatError(() -> new AdjacencyListReader().read(f), f, 0, null, "empty file");
    }
}
