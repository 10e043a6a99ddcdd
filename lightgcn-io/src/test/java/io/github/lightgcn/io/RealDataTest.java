package io.github.lightgcn.io;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counts measured in each data set's README (skipped when ../shared is absent, failing on CI). */
class RealDataTest {

    @Test
    void lastFmReferenceSplit() throws IOException {
        Path train = SharedData.require("data/lastfm-lgcn/data1.txt");
        Path test = SharedData.require("data/lastfm-lgcn/test1.txt");
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.PAIRS).withIndexBase(1)
                .withUniverse(1892, 4489), train, null, test);
        assertEquals(42_135, s.train().numEdges());
        assertEquals(10_533, s.test().numEdges());
        assertEquals(1_878, s.train().activeUsers());
        assertEquals(1_858, s.test().activeUsers());
        assertEquals(4_476, s.train().activeItems());
        assertEquals(3_285, s.test().activeItems());
        assertEquals(1892, s.numUsers());
        assertEquals(4489, s.numItems());
        assertEquals(0, s.duplicatesMerged());
        assertEquals(2, s.coldTestUsers());
        assertFalse(s.trainSource().headerSkipped());
        // the inferred universe is the same: the files use every id up to 1892 / 4489
        InteractionSplit inferred = SplitReader.read(ReadOptions.of(DataFormat.PAIRS).withIndexBase(1), train, null,
                test);
        assertEquals(s.train().fingerprint(), inferred.train().fingerprint());
    }

    @Test
    void gowallaPaperSplit() throws IOException {
        Path train = SharedData.require("data/gowalla/train.txt");
        Path test = SharedData.require("data/gowalla/test.txt");
        EdgeList edges = new AdjacencyListReader().read(train);
        assertEquals(810_128, edges.size());
        assertEquals(29_858, edges.dataLines());
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.ADJ), train, null, test);
        assertEquals(810_128, s.train().numEdges());
        assertEquals(217_242, s.test().numEdges());
        assertEquals(29_858, s.numUsers());
        assertEquals(40_981, s.numItems());
        assertEquals(29_858, s.train().activeUsers());
        assertEquals(40_981, s.train().activeItems());
        assertEquals(0, s.duplicatesMerged());
        for (int u = 0; u < 100; u++) { // train ∩ test = ∅
            for (int i : s.test().itemsOf(u)) assertFalse(s.train().contains(u, i));
        }
    }

    @Test
    void malSplitOnOneUniverse() throws IOException {
        Path train = SharedData.require("data/mal/split/train.csv");
        Path val = SharedData.require("data/mal/split/val.csv");
        Path test = SharedData.require("data/mal/split/test.csv");
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.CSV), train, val, test);
        InteractionGraph v = s.validation().orElseThrow();
        assertEquals(77_976, s.trainSource().pairs());
        assertEquals(9_747, s.validationSource().orElseThrow().pairs());
        assertEquals(9_747, s.testSource().pairs());
        assertEquals(77_976, s.train().numEdges());
        assertEquals(9_747, v.numEdges());
        assertEquals(9_747, s.test().numEdges());
        assertEquals(956, s.numUsers());
        assertEquals(5_560, s.numItems());
        assertEquals(947, s.train().activeUsers());
        assertEquals(807, v.activeUsers());
        assertEquals(813, s.test().activeUsers());
        assertEquals(5_260, s.train().activeItems());
        assertEquals(6, s.coldTestUsers());
        IdMapping users = s.userIds().orElseThrow(), items = s.itemIds().orElseThrow();
        assertEquals(72561, users.originalId(0));
        assertEquals(73516, users.originalId(955));
        assertTrue(s.train().contains(0, items.indexOf(5))); // first row: 72561,5
        assertEquals(5, items.originalId(items.indexOf(5)));
    }
}
