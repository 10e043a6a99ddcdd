package io.github.lightgcn.io;

import io.github.lightgcn.graph.InteractionGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static io.github.lightgcn.io.TestFiles.assertFormatError;
import static io.github.lightgcn.io.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitReaderTest {

    @TempDir
    Path dir;

    private static void assertSize(InteractionGraph g, int users, int items) {
        assertEquals(users, g.numUsers());
        assertEquals(items, g.numItems());
    }

    @Test
    void inferredUniverseCoversEveryFile() throws IOException {
        Path train = write(dir, "train.txt", "0 1 2\n1 0\n");
        Path val = write(dir, "val.txt", "4 3\n");          // user 4 only in val
        Path test = write(dir, "test.txt", "0 7\n1\n");     // item 7 only in test
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.ADJ), train, val, test);
        assertEquals(5, s.numUsers());
        assertEquals(8, s.numItems());
        assertSize(s.train(), 5, 8);
        assertSize(s.validation().orElseThrow(), 5, 8);
        assertSize(s.test(), 5, 8);
        assertEquals(3, s.train().numEdges());
        assertTrue(s.test().contains(0, 7));
        assertTrue(s.userIds().isEmpty());
        assertEquals(0, s.coldTestUsers()); // test user 0 has train edges; user 1 has no test edge
    }

    @Test
    void explicitUniverseIsKeptEvenWhenLarger() throws IOException {
        Path train = write(dir, "train.txt", "1\t1\n2\t2\n");
        Path test = write(dir, "test.txt", "1\t3\n");
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.PAIRS).withIndexBase(1).withUniverse(10, 20),
                train, null, test);
        assertSize(s.train(), 10, 20);
        assertSize(s.test(), 10, 20);
        assertTrue(s.validation().isEmpty());
        assertTrue(s.train().contains(0, 0) && s.train().contains(1, 1) && s.test().contains(0, 2));
    }

    @Test
    void explicitUniverseRejectsATestIdBeyondIt() throws IOException {
        Path train = write(dir, "train.txt", "0 1\n");
        Path test = write(dir, "test.txt", "0 1\n0 5\n");
        assertFormatError(() -> SplitReader.read(ReadOptions.of(DataFormat.PAIRS).withUniverse(1, 5), train, null,
                test), test, 2, "item (column 2)", "the number of items is 5");
    }

    @Test
    void oneSideExplicitTheOtherInferred() throws IOException {
        Path train = write(dir, "train.txt", "0 1\n2 3\n");
        Path test = write(dir, "test.txt", "1 9\n");
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.PAIRS).withUniverse(7, 0), train, null, test);
        assertSize(s.train(), 7, 10);
    }

    @Test
    void csvIdsAreMappedBySortedOrderOverAllFiles() throws IOException {
        Path train = write(dir, "train.csv", "user_id,anime_id\n900,30\n100,20\n");
        Path val = write(dir, "val.csv", "user_id,anime_id\n500,10\n");
        Path test = write(dir, "test.csv", "user_id,anime_id\n100,40\n700,20\n");
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.CSV), train, val, test);
        IdMapping users = s.userIds().orElseThrow(), items = s.itemIds().orElseThrow();
        assertArrayEquals(new int[] {100, 500, 700, 900}, users.originalIds());
        assertArrayEquals(new int[] {10, 20, 30, 40}, items.originalIds());
        assertEquals(4, s.numUsers());
        assertEquals(4, s.numItems());
        assertEquals(3, users.indexOf(900));
        assertEquals(-1, users.indexOf(901));
        assertEquals(40, items.originalId(3));
        assertTrue(s.train().contains(3, 2));  // 900 -> 30
        assertTrue(s.train().contains(0, 1));  // 100 -> 20
        assertTrue(s.validation().orElseThrow().contains(1, 0)); // 500 -> 10
        assertTrue(s.test().contains(0, 3) && s.test().contains(2, 1));
        assertEquals(1, s.coldTestUsers()); // 700 is only in test
    }

    @Test
    void duplicatesAreMergedAndReported() throws IOException {
        Path train = write(dir, "train.txt", "0 1\n0 1\n1 1\n0 1\n");
        Path test = write(dir, "test.txt", "1 0\n1 0\n");
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.PAIRS), train, null, test);
        assertEquals(2, s.train().numEdges());
        assertEquals(2, s.train().duplicatesMerged());
        assertEquals(1, s.test().duplicatesMerged());
        assertEquals(3, s.duplicatesMerged());
        assertEquals(4, s.trainSource().pairs());
        assertTrue(s.summary().contains("duplicates merged 3"), s.summary());
    }

    @Test
    void readingTwiceGivesTheSameGraphs() throws IOException {
        Path train = write(dir, "train.csv", "user_id,anime_id\n9,3\n2,8\n9,1\n4,3\n");
        Path test = write(dir, "test.csv", "user_id,anime_id\n2,3\n4,7\n");
        InteractionSplit a = SplitReader.read(ReadOptions.of(DataFormat.CSV), train, null, test);
        InteractionSplit b = SplitReader.read(ReadOptions.of(DataFormat.CSV), train, null, test);
        assertEquals(a.train().fingerprint(), b.train().fingerprint());
        assertEquals(a.test().fingerprint(), b.test().fingerprint());
        assertArrayEquals(a.itemIds().orElseThrow().originalIds(), b.itemIds().orElseThrow().originalIds());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.of(DataFormat.PAIRS).withIndexBase(2));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.of(DataFormat.PAIRS).withUniverse(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.of(DataFormat.CSV).withIndexBase(1));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.of(DataFormat.CSV).withUniverse(10, 10));
        assertEquals(DataFormat.PAIRS, DataFormat.fromLabel("Pairs"));
        assertThrows(IllegalArgumentException.class, () -> DataFormat.fromLabel("tsv"));
    }

    @Test
    void theFirstBadFileIsNamed() throws IOException {
        Path train = write(dir, "train.txt", "0 1\n");
        Path val = write(dir, "val.txt", "0 1\n1 one\n");
        Path test = write(dir, "test.txt", "0 1\n");
        DataFormatException e = assertFormatError(() -> SplitReader.read(ReadOptions.of(DataFormat.ADJ), train, val,
                test), val, 2, "item (column 2)", "'one' is not an integer");
        assertFalse(e.getMessage().contains("train.txt"));
    }
}
