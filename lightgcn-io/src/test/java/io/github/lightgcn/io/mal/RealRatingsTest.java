package io.github.lightgcn.io.mal;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.split.Interactions;
import io.github.lightgcn.io.split.RandomSplitter;
import io.github.lightgcn.io.split.Split;
import io.github.lightgcn.io.split.SplitGraphs;
import io.github.lightgcn.io.split.SplitRatios;
import io.github.lightgcn.io.split.Splitter;
import io.github.lightgcn.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rating counts of shared/data/mal/README.md and the fixed split's, as the loader and splitters see them. */
class RealRatingsTest {

    private static AnimeCatalog catalog;
    private static Path ratings;
    private static MalDataset all;

    @BeforeAll
    static void load() throws IOException {
        catalog = AnimeCsv.read(SharedData.require("data/mal/anime.csv"));
        ratings = SharedData.require("data/mal/rating_tail.csv");
        all = RatingsCsv.read(ratings, catalog, RatingOptions.defaults());
    }

    @Test
    void allRows() {
        LoadSummary s = all.summary();
        assertEquals(97_470, s.rowsRead());
        assertEquals(97_470, s.kept());
        assertFalse(s.hadHeader());
        assertEquals(0, s.droppedUnknownAnime());
        assertEquals(0, s.duplicatesMerged());
        assertEquals(0, s.skippedBad());
        assertEquals(19_319, s.unscored());
        assertEquals(956, all.numUsers());
        assertEquals(5_560, all.numAnime());
        assertEquals(72_561, all.users().originalId(0));
        assertEquals(73_516, all.users().originalId(all.numUsers() - 1));
        assertEquals(97_470, all.graph().numEdges());
    }

    @Test
    void scoredRowsOnly() throws IOException {
        MalDataset scored = RatingsCsv.read(ratings, catalog, RatingOptions.defaults().withMinRating(1));
        assertEquals(78_151, scored.numInteractions());
        assertEquals(902, scored.numUsers());
        assertEquals(5_100, scored.numAnime());
        assertEquals(19_319, scored.summary().filteredByMinRating());
    }

    @Test
    void minRatingEight() throws IOException {
        MalDataset liked = RatingsCsv.read(ratings, catalog, RatingOptions.defaults().withMinRating(8));
        assertEquals(48_063, liked.numInteractions());
        assertEquals(97_470 - 48_063, liked.summary().filteredByMinRating());
    }

    @Test
    void metadataByIndex() {
        int index = all.animeIndex(9253);
        assertTrue(index >= 0);
        assertEquals("Steins;Gate", all.animeAt(index).name());
        assertEquals(-1, all.animeIndex(34_527 + 1));
        for (int i = 1; i < all.numAnime(); i++) assertTrue(all.anime().originalId(i) > all.anime().originalId(i - 1));
    }

    @Test
    void fixedShapeInteractionSplitIsReproducible() {
        Interactions interactions = all.interactions();
        Splitter splitter = new RandomSplitter(SplitRatios.DEFAULT);
        Split a = splitter.split(interactions, 2020);
        Split b = splitter.split(interactions, 2020);
        assertEquals(77_976, a.train().size());
        assertEquals(9_747, a.val().size());
        assertEquals(9_747, a.test().size());
        assertEquals(97_470, a.size());
        assertEquals(a, b);
        assertNotEquals(a.train(), splitter.split(interactions, 2021).train());
        SplitGraphs g = a.graphs(all.users(), all.anime());
        assertEquals(all.users(), a.graphs().users()); // the split's own universe is the dataset's
        assertEquals(all.anime(), a.graphs().items());
        for (int u = 0; u < all.numUsers(); u++) {
            assertEquals(all.graph().userDegree(u),
                    g.train().userDegree(u) + g.val().userDegree(u) + g.test().userDegree(u));
        }
    }

    @Test
    void referenceSplitFilesLoad() throws IOException {
        Split reference = Split.read(SharedData.require("data/mal/split"));
        assertEquals(77_976, reference.train().size());
        assertEquals(9_747, reference.val().size());
        assertEquals(9_747, reference.test().size());
        assertEquals(947, reference.train().distinctUsers().size());
        assertEquals(5_260, reference.train().distinctItems().size());
        SplitGraphs g = reference.graphs();
        assertEquals(956, g.users().size());
        assertEquals(5_560, g.items().size());
        assertEquals(all.users(), g.users());
        assertEquals(all.anime(), g.items());
        // the union of the reference parts is exactly the loaded interactions
        InteractionGraph union = all.graph();
        long inUnion = 0;
        for (InteractionGraph part : new InteractionGraph[]{g.train(), g.val(), g.test()}) {
            for (int u = 0; u < part.numUsers(); u++) for (int i : part.itemsOf(u)) if (union.contains(u, i)) inUnion++;
        }
        assertEquals(97_470, inUnion);
    }

    @Test
    void splitCsvRoundTrip(@TempDir Path dir) throws IOException {
        Split split = new RandomSplitter(SplitRatios.DEFAULT).split(all.interactions(), 7);
        split.write(dir);
        Split back = Split.read(dir);
        assertEquals(split, back);
        SplitGraphs g1 = split.graphs(), g2 = back.graphs();
        assertEquals(g1.train().fingerprint(), g2.train().fingerprint());
        assertEquals(g1.val().fingerprint(), g2.val().fingerprint());
        assertEquals(g1.test().fingerprint(), g2.test().fingerprint());
    }
}
