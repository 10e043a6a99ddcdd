package io.github.lightgcn.examples.training;

import io.github.lightgcn.examples.cli.SmallData;
import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.graph.KeyIndex;
import io.github.lightgcn.graph.KeyedInteractions;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.EdgeList;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.MalDataset;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import io.github.lightgcn.io.split.Split;
import io.github.lightgcn.io.split.SplitGraphs;
import io.github.lightgcn.io.split.SplitRatios;
import io.github.lightgcn.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The keyed builder gives the graphs the loaders give, bit for bit, on the MAL path (data set + split, every split
 * kind) and on the csv path (the reference's MAL split files): so training on keyed data changes no figure.
 */
class KeyedSplitTest {

    @TempDir
    Path dir;

    static void assertSameGraph(InteractionGraph expected, InteractionGraph actual) {
        assertEquals(expected.numUsers(), actual.numUsers());
        assertEquals(expected.numItems(), actual.numItems());
        assertEquals(expected.numEdges(), actual.numEdges());
        assertEquals(expected.duplicatesMerged(), actual.duplicatesMerged());
        for (int u = 0; u < expected.numUsers(); u++) assertArrayEquals(expected.itemsOf(u), actual.itemsOf(u));
        for (int i = 0; i < expected.numItems(); i++) assertArrayEquals(expected.usersOf(i), actual.usersOf(i));
        assertEquals(expected.fingerprint(), actual.fingerprint());
    }

    private static void assertMalPathIsTheLoaders(MalDataset data) {
        for (SplitKind kind : SplitKind.values()) {
            for (long seed : new long[]{2020, 7}) {
                Split split = kind.splitter(SplitRatios.DEFAULT).split(data.interactions(), seed);
                SplitGraphs loader = split.graphs(data.users(), data.anime());
                KeyedSplit keyed = KeyedSplit.ofMal(data, split);
                assertSameGraph(loader.train(), keyed.train().graph());
                assertSameGraph(loader.val(), keyed.val().graph());
                assertSameGraph(loader.test(), keyed.test().graph());
                assertEquals(KeyedSplit.keys(data.users()), keyed.train().userKeys());
                assertEquals(KeyedSplit.keys(data.anime()), keyed.train().itemKeys());
                assertTrue(keyed.test().sameKeys(keyed.train()));
            }
        }
    }

    @Test
    void malPathOnGeneratedData() throws IOException {
        GeneratedData g = MalGenerator.generate(dir.resolve("mal"), 4000, 11);
        assertMalPathIsTheLoaders(MalDataset.load(g.animeCsv(), g.ratingsCsv()));
    }

    @Test
    void malPathOnTheRealRatings() throws IOException {
        assertMalPathIsTheLoaders(MalDataset.load(SharedData.require("data/mal/anime.csv"),
                SharedData.require("data/mal/rating_tail.csv")));
    }

    @Test
    void csvPathOnTheReferenceSplitThroughTheBuilder() throws IOException {
        Path train = SharedData.require("data/mal/split/train.csv"), val = SharedData.require("data/mal/split/val.csv"),
                test = SharedData.require("data/mal/split/test.csv");
        ReadOptions csv = ReadOptions.of(DataFormat.CSV);
        InteractionSplit loader = SplitReader.read(csv, train, val, test);

        // the builder: train pairs, the users and items of val and test declared (one universe), those on train's keys
        EdgeList t = SplitReader.readFile(csv, train), v = SplitReader.readFile(csv, val), s = SplitReader.readFile(csv, test);
        KeyedInteractions.Builder b = KeyedInteractions.builder();
        for (int p = 0; p < t.size(); p++) b.add(t.user(p), t.item(p));
        for (EdgeList part : new EdgeList[]{v, s}) {
            for (int p = 0; p < part.size(); p++) b.addUser(part.user(p)).addItem(part.item(p));
        }
        KeyedInteractions keyedTrain = b.build();
        assertSameGraph(loader.train(), keyedTrain.graph());
        assertSameGraph(loader.validation().orElseThrow(), heldOut(keyedTrain, v).graph());
        assertSameGraph(loader.test(), heldOut(keyedTrain, s).graph());
        assertEquals(956, keyedTrain.numUsers());
        assertEquals(5560, keyedTrain.numItems());

        // and what the command line trains on: the reader's graphs with its mapping as keys
        KeyedSplit cli = KeyedSplit.of(loader);
        assertEquals(keyedTrain.userKeys(), cli.train().userKeys());
        assertEquals(keyedTrain.itemKeys(), cli.train().itemKeys());
        assertSame(loader.train(), cli.train().graph());
    }

    private static KeyedInteractions heldOut(KeyedInteractions train, EdgeList part) {
        KeyedInteractions.HeldOutBuilder h = train.heldOut(KeyedInteractions.UnknownKeys.FAIL);
        for (int p = 0; p < part.size(); p++) h.add(part.user(p), part.item(p));
        return h.build();
    }

    @Test
    void denseSplitFilesAreKeyedByTheirIndexes() throws IOException {
        SmallData small = SmallData.write(dir);
        InteractionSplit split = SplitReader.read(new ReadOptions(DataFormat.PAIRS, 0, 60, 120), small.train(), null,
                small.test());
        KeyedSplit keyed = KeyedSplit.of(split);
        assertTrue(keyed.train().userKeys().isIdentity());
        assertEquals(KeyIndex.identity(120), keyed.test().itemKeys());
        assertNull(keyed.val());
    }
}
