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
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairFileReaderTest {

    @TempDir
    Path dir;

    private void assertPairs(EdgeList e, int[] users, int[] items) {
        assertArrayEquals(users, e.users());
        assertArrayEquals(items, e.items());
    }

    @Test
    void tabSeparatedWithWeightColumnAndCrlf() throws IOException {
        Path f = write(dir, "data.txt", "0\t3\t993\r\n1\t0\t957\r\n1\t2\t1\r\n");
        EdgeList e = new PairFileReader().read(f);
        assertPairs(e, new int[] {0, 1, 1}, new int[] {3, 0, 2});
        assertFalse(e.headerSkipped());
        assertEquals(3, e.dataLines());
    }

    @Test
    void commaSeparatedWithHeader() throws IOException {
        Path f = write(dir, "pairs.csv", "user,item\n0,1\n2, 3\n");
        EdgeList e = new PairFileReader().read(f);
        assertTrue(e.headerSkipped());
        assertPairs(e, new int[] {0, 2}, new int[] {1, 3});
    }

    @Test
    void spaceSeparatedWithHeaderAndRunsOfSpaces() throws IOException {
        Path f = write(dir, "pairs.txt", "userId  itemId\r\n0  1\r\n3 4\r\n");
        EdgeList e = new PairFileReader().read(f);
        assertTrue(e.headerSkipped());
        assertPairs(e, new int[] {0, 3}, new int[] {1, 4});
    }

    @Test
    void oneBasedIds() throws IOException {
        Path f = write(dir, "data.txt", "1\t1\t5\n3\t4\t1\n");
        EdgeList e = new PairFileReader(1, 0, 0).read(f);
        assertPairs(e, new int[] {0, 2}, new int[] {0, 3});
        assertEquals(2, e.maxUser());
        assertEquals(3, e.maxItem());
    }

    @Test
    void blankLinesAreSkippedAndLineNumbersStayPhysical() throws IOException {
        Path f = write(dir, "data.txt", "\n0 1\n\n1 x\n");
        assertFormatError(() -> new PairFileReader().read(f), f, 4, "item (column 2)", "'x' is not an integer");
    }

    @Test
    void onlyTheFirstLineCanBeAHeader() throws IOException {
        Path f = write(dir, "data.txt", "user item\n0 1\nuser item\n");
        assertFormatError(() -> new PairFileReader().read(f), f, 3, "user (column 1)", "'user' is not an integer");
    }

    @Test
    void negativeIdAndZeroInOneBasedFile() throws IOException {
        Path f = write(dir, "data.txt", "0,1\n-1,2\n");
        assertFormatError(() -> new PairFileReader().read(f), f, 2, "user (column 1)", "id -1 is negative");
        Path g = write(dir, "data1.txt", "1\t1\n2\t0\n");
        assertFormatError(() -> new PairFileReader(1, 0, 0).read(g), g, 2, "item (column 2)", "id 0 is below 1");
    }

    @Test
    void idAtTheExplicitSizeIsOutOfRangeAfterTheBase() throws IOException {
        Path f = write(dir, "data.txt", "1\t4\n5\t1\n"); // 1-based: user 5 is index 4, not < 4
        assertFormatError(() -> new PairFileReader(1, 4, 4).read(f), f, 2, "user (column 1)",
                "ids go from 1 to 4");
        EdgeList ok = new PairFileReader(1, 5, 4).read(f);
        assertPairs(ok, new int[] {0, 4}, new int[] {3, 0});
    }

    @Test
    void aSingleColumnIsAnError() throws IOException {
        Path f = write(dir, "data.txt", "0\n");
        assertFormatError(() -> new PairFileReader().read(f), f, 1, null, "at least 2 columns");
    }

    @Test
    void raggedLineIsAnError() throws IOException {
        Path f = write(dir, "data.txt", "0\t1\t5\n1\t2\n");
        assertFormatError(() -> new PairFileReader().read(f), f, 2, null, "expected 3 columns separated by tab");
        Path g = write(dir, "data2.txt", "h1,h2\n0,1\n1 2\n");
        assertFormatError(() -> new PairFileReader().read(g), g, 3, null, "expected 2 columns separated by comma");
        Path adj = write(dir, "train.txt", "0 1 2 3\n1 4\n");
        assertFormatError(() -> new PairFileReader().read(adj), adj, 2, null, "is the adj format");
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        Path f = write(dir, "empty.txt", "");
        assertFormatError(() -> new PairFileReader().read(f), f, 0, null, "empty file");
        Path g = write(dir, "header.txt", "user\titem\r\n");
        assertFormatError(() -> new PairFileReader().read(g), g, 0, null, "no interaction after the header");
    }

    @Test
    void repeatsAreKeptForTheGraphToMerge() throws IOException {
        Path f = write(dir, "data.txt", "0 1\n0 1\n1 0\n");
        EdgeList e = new PairFileReader().read(f);
        assertEquals(3, e.size());
        var g = e.toGraph(2, 2);
        assertEquals(2, g.numEdges());
        assertEquals(1, g.duplicatesMerged());
    }
}
