package io.github.lightgcn.io.mal.generator;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.mal.AnimeCatalog;
import io.github.lightgcn.io.mal.AnimeCsv;
import io.github.lightgcn.io.mal.CatalogSummary;
import io.github.lightgcn.io.mal.LoadSummary;
import io.github.lightgcn.io.mal.MalDataset;
import io.github.lightgcn.io.mal.RatingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated data: deterministic, loadable, the size asked for, MAL-shaped, with tastes to learn. */
class MalGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameBytesOtherSeedOtherData() throws IOException {
        GeneratedData a = MalGenerator.generate(dir.resolve("a"), 5_000, 11);
        GeneratedData b = MalGenerator.generate(dir.resolve("b"), 5_000, 11);
        GeneratedData c = MalGenerator.generate(dir.resolve("c"), 5_000, 12);
        assertArrayEquals(Files.readAllBytes(a.animeCsv()), Files.readAllBytes(b.animeCsv()));
        assertArrayEquals(Files.readAllBytes(a.ratingsCsv()), Files.readAllBytes(b.ratingsCsv()));
        assertFalse(Arrays.equals(Files.readAllBytes(a.ratingsCsv()), Files.readAllBytes(c.ratingsCsv())));
        assertFalse(Arrays.equals(Files.readAllBytes(a.animeCsv()), Files.readAllBytes(c.animeCsv())));
    }

    @ParameterizedTest
    @ValueSource(longs = {1_000, 12_345, 200_000})
    void loadsWithTheLoaderAtTheSizeAsked(long interactions) throws IOException {
        GeneratedData g = MalGenerator.generate(dir, interactions, 3);
        MalDataset d = MalDataset.load(g.animeCsv(), g.ratingsCsv());
        LoadSummary s = d.summary();
        assertTrue(s.hadHeader());
        assertEquals(interactions, s.rowsRead());
        assertEquals(s.rowsRead(), s.kept()); // no duplicates, no unknown anime, nothing malformed
        assertTrue(Math.abs(d.numInteractions() - interactions) <= interactions / 100, "±1%");
        assertEquals(g.users(), d.numUsers());
        assertEquals(g.anime(), d.catalog().size());
        assertEquals(g.unscored(), s.unscored());
        double unscoredShare = (double) s.unscored() / interactions;
        assertTrue(unscoredShare > 0.15 && unscoredShare < 0.25, "unscored share " + unscoredShare);
        // scored rows only: fewer interactions, none below the minimum
        MalDataset liked = MalDataset.load(g.animeCsv(), g.ratingsCsv(), RatingOptions.defaults().withMinRating(8));
        assertTrue(liked.numInteractions() > interactions / 5 && liked.numInteractions() < interactions * 4 / 5);
    }

    @Test
    void catalogHasTheDumpsQuirks() throws IOException {
        GeneratedData g = MalGenerator.generate(dir, 1_000_000 / 4, 5);
        String raw = Files.readString(g.animeCsv());
        assertTrue(raw.startsWith(String.join(",", AnimeCsv.COLUMNS) + "\r\n"));
        assertTrue(raw.contains("&#039;") && raw.contains("&amp;") && raw.contains("&quot;"));
        assertTrue(raw.contains(",Unknown,"));
        assertTrue(Files.readString(g.ratingsCsv()).startsWith("user_id,anime_id,rating\r\n"));
        AnimeCatalog c = AnimeCsv.read(g.animeCsv());
        CatalogSummary s = c.summary();
        assertTrue(s.namesDecoded() > 0 && s.namesDecoded() < c.size() / 10, "decoded " + s.namesDecoded());
        assertTrue(s.emptyGenre() > 0 && s.emptyRating() > 0 && s.unknownEpisodes() > 0 && s.emptyType() > 0, s.toString());
        assertTrue(MalVocabulary.GENRES.containsAll(c.genres()));
        assertTrue(c.genres().size() >= 40, "genres " + c.genres().size());
        assertTrue(MalVocabulary.TYPES.containsAll(c.countByType().keySet()));
        assertEquals(MalVocabulary.TYPES.size(), c.countByType().size());
        assertTrue(c.titles().withPrefix(c.get(0).name()).size() >= 1);
    }

    /** Power-law popularity: the most watched tenth of the anime holds a large share (56% in the real tail). */
    @Test
    void popularityIsSkewed() throws IOException {
        GeneratedData g = MalGenerator.generate(dir, 100_000, 8);
        InteractionGraph graph = MalDataset.load(g.animeCsv(), g.ratingsCsv()).graph();
        int[] degrees = new int[graph.numItems()];
        for (int i = 0; i < degrees.length; i++) degrees[i] = graph.itemDegree(i);
        Arrays.sort(degrees);
        long top = 0;
        for (int i = degrees.length - degrees.length / 10; i < degrees.length; i++) top += degrees[i];
        assertTrue(top > 0.4 * graph.numEdges(), "top 10% of anime hold " + top + " of " + graph.numEdges());
    }

    /**
     * Tastes: a user's favourite genre covers clearly more of their list than the most common genre covers of all
     * interactions (what popularity alone would give). The real tail: 0.59 against 0.50.
     */
    @Test
    void usersHaveGenreTastes() throws IOException {
        GeneratedData g = MalGenerator.generate(dir, 100_000, 9);
        MalDataset d = MalDataset.load(g.animeCsv(), g.ratingsCsv());
        InteractionGraph graph = d.graph();
        Map<String, Integer> overall = new HashMap<>();
        double shareSum = 0;
        int users = 0;
        for (int u = 0; u < graph.numUsers(); u++) {
            int[] items = graph.itemsOf(u);
            Map<String, Integer> mine = new HashMap<>();
            for (int i : items) {
                for (String genre : d.animeAt(i).genres()) {
                    mine.merge(genre, 1, Integer::sum);
                    overall.merge(genre, 1, Integer::sum);
                }
            }
            if (items.length >= 10) {
                shareSum += (double) mine.values().stream().max(Integer::compare).orElse(0) / items.length;
                users++;
            }
        }
        double userShare = shareSum / users;
        double globalShare = (double) overall.values().stream().max(Integer::compare).orElseThrow() / graph.numEdges();
        assertTrue(userShare > globalShare + 0.1, "favourite genre share " + userShare + " vs global " + globalShare);
    }

    @Test
    void sizeIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> MalGenerator.generate(dir, 999, 1));
        assertThrows(IllegalArgumentException.class, () -> MalGenerator.generate(dir, 100_000_001, 1));
    }

    @Test
    void countsOnTheCommandLine() {
        assertEquals(250_000, MalGenerator.parseCount("250k"));
        assertEquals(1_500_000, MalGenerator.parseCount("1.5M"));
        assertEquals(10_000_000, MalGenerator.parseCount("10_000_000"));
        assertThrows(IllegalArgumentException.class, () -> MalGenerator.parseCount("lots"));
    }

    @Test
    void weightTreeDrawsByWeightAndRestoresExactly() {
        WeightTree t = new WeightTree(new long[]{5, 0, 3, 2});
        assertEquals(10, t.total());
        int[] expected = {0, 0, 0, 0, 0, 2, 2, 2, 3, 3};
        for (int x = 0; x < 10; x++) assertEquals(expected[x], t.find(x), "x=" + x);
        t.add(0, -5);
        assertEquals(5, t.total());
        assertEquals(2, t.find(0));
        assertEquals(3, t.find(4));
        t.add(0, 5);
        for (int x = 0; x < 10; x++) assertEquals(expected[x], t.find(x), "x=" + x);
    }
}
