package io.github.lightgcn.io;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.mal.Anime;
import io.github.lightgcn.io.mal.AnimeCatalog;
import io.github.lightgcn.io.mal.AnimeCsv;
import io.github.lightgcn.io.mal.MalDataset;
import io.github.lightgcn.io.mal.RatingOptions;
import io.github.lightgcn.io.mal.RatingsCsv;
import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import io.github.lightgcn.io.split.Interactions;
import io.github.lightgcn.io.split.LeaveOneOutSplitter;
import io.github.lightgcn.io.split.PerUserSplitter;
import io.github.lightgcn.io.split.RandomSplitter;
import io.github.lightgcn.io.split.Split;
import io.github.lightgcn.io.split.SplitRatios;
import io.github.lightgcn.io.split.Splitter;
import io.github.lightgcn.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SHA-256 digests of what the io module produces, taken from the code before the io refactoring of issue 14 and
 * pinned here: the generated files for two seeds, the three splitters' files for a seed (on generated data and on
 * the real MAL tail), and what the readers make of the real files (catalog rows, rating graph and id mappings,
 * the CSV split read by {@link SplitReader} and by the split reader). Any change of bytes, order or id mapping
 * moves a digest.
 */
class PinnedOutputsTest {

    @TempDir
    Path dir;

    @Test
    void generatedFilesForASeed() throws IOException {
        GeneratedData small = MalGenerator.generate(dir.resolve("small"), 5_000, 11);
        assertEquals("GeneratedData[anime=849, users=160, interactions=5000, unscored=994]", describe(small));
        assertEquals("8b3fee26a393b80a1bc81ab75c9cb4f98783cf0f34bc3689d46e776f21969a34",
                sha(Files.readAllBytes(small.animeCsv())), "anime.csv, 5,000 rows, seed 11");
        assertEquals("102c50b6b9215104e24dcc4ef2b45794c58cdd03f8bde05d3f9d334ef268d212",
                sha(Files.readAllBytes(small.ratingsCsv())), "rating.csv, 5,000 rows, seed 11");
        GeneratedData larger = MalGenerator.generate(dir.resolve("larger"), 60_000, 3);
        assertEquals("GeneratedData[anime=2939, users=626, interactions=60000, unscored=11904]", describe(larger));
        assertEquals("1d7b23c8d5969e788b892b07e5e63c73f9584130a1fa5be0eb46337da1c27930",
                sha(Files.readAllBytes(larger.animeCsv())), "anime.csv, 60,000 rows, seed 3");
        assertEquals("a58300695c9b2656a0b1d41a7e8793182fb7721640bb5ffb5340fc631d8d5163",
                sha(Files.readAllBytes(larger.ratingsCsv())), "rating.csv, 60,000 rows, seed 3");
    }

    @Test
    void splitsOfGeneratedDataForASeed() throws IOException {
        GeneratedData g = MalGenerator.generate(dir.resolve("data"), 30_000, 5);
        Interactions all = MalDataset.load(g.animeCsv(), g.ratingsCsv()).interactions();
        assertEquals("95de13513a24d2c318ba312342dddc984df92b3558b92385288c7596bc7c6264",
                splitDigest(new RandomSplitter(SplitRatios.DEFAULT), all, 2020), "random");
        assertEquals("43ba3a8045fb897271b2d2c4c06a4b329132179e5c9ded7027faf97a70ced124",
                splitDigest(new PerUserSplitter(SplitRatios.DEFAULT), all, 2020), "per user");
        assertEquals("8b814d1763525cd62fe7943623381d128245e72c3d788d6b9ab56d70afc828d6",
                splitDigest(new PerUserSplitter(new SplitRatios(0.7, 0, 0.3), 4), all, 9), "per user 70/0/30");
        assertEquals("fc9aa1d9efeef96ef11cc1b57aebd9ff6f94aa118846dcf0beffd3d7d6c66e6f",
                splitDigest(new LeaveOneOutSplitter(), all, 2020), "leave one out");
    }

    @Test
    void splitsOfTheRealTailForASeed() throws IOException {
        MalDataset data = MalDataset.load(SharedData.require("data/mal/anime.csv"),
                SharedData.require("data/mal/rating_tail.csv"));
        Interactions all = data.interactions();
        assertEquals("f459abc0a4d64f9cfa0444459aa8276838823f0cf05a7b840dd9bbda379f4300",
                splitDigest(new RandomSplitter(SplitRatios.DEFAULT), all, 2020), "random");
        assertEquals("6bd49a2fbf689c093f88ec1e792be38fd5f56175177e59f7da8b5f4a5f2196ab",
                splitDigest(new PerUserSplitter(SplitRatios.DEFAULT), all, 2020), "per user");
        assertEquals("d4c3f7a1def17135da8a635cc95d5c021b94d10f735745956bea882cf11464c9",
                splitDigest(new LeaveOneOutSplitter(), all, 2020), "leave one out");
    }

    @Test
    void realFilesAsTheReadersSeeThem() throws IOException {
        AnimeCatalog catalog = AnimeCsv.read(SharedData.require("data/mal/anime.csv"));
        StringBuilder rows = new StringBuilder();
        for (Anime a : catalog.all()) rows.append(a).append('\n');
        assertEquals("130b66798345b223d92bea76bd61351ace94f6c5d5dbabd1fe04274f1dfd877d",
                sha(rows.toString().getBytes(StandardCharsets.UTF_8)), "anime.csv rows");
        assertEquals("CatalogSummary[anime=12294, emptyGenre=62, emptyType=25, emptyRating=230, unknownEpisodes=340,"
                + " emptyMembers=0, namesDecoded=292]", catalog.summary().toString());

        Path ratings = SharedData.require("data/mal/rating_tail.csv");
        MalDataset every = RatingsCsv.read(ratings, catalog, RatingOptions.defaults());
        assertEquals("409a163ab28bad5ce6895a557822ac7c7fdd8029b96701fcef95c183974511ed", dataset(every), "every row");
        assertEquals("LoadSummary[rowsRead=97470, kept=97470, skippedBad=0, filteredByMinRating=0,"
                + " droppedUnknownAnime=0, duplicatesMerged=0, unscored=19319, hadHeader=false, badRowExamples=[]]",
                every.summary().toString());
        MalDataset liked = RatingsCsv.read(ratings, catalog, RatingOptions.defaults().withMinRating(8));
        assertEquals("beeb02038fc0a5f71c1057dccbdc1c897ada795458b2e7a86894e1d9e3275fbc", dataset(liked), "rated 8+");
        assertEquals("LoadSummary[rowsRead=97470, kept=48063, skippedBad=0, filteredByMinRating=49407,"
                + " droppedUnknownAnime=0, duplicatesMerged=0, unscored=19319, hadHeader=false, badRowExamples=[]]",
                liked.summary().toString());

        Path split = SharedData.require("data/mal/split");
        InteractionSplit s = SplitReader.read(ReadOptions.of(DataFormat.CSV), split.resolve("train.csv"),
                split.resolve("val.csv"), split.resolve("test.csv"));
        assertEquals("3c8b54382fcc688f3e5b5c8d888cb12cc483f4accb95b95b6a9fffd997cba052",
                sha(ints(s.userIds().orElseThrow().originalIds())
                        + ints(s.itemIds().orElseThrow().originalIds()) + graph(s.train())
                        + graph(s.validation().orElseThrow()) + graph(s.test())),
                "split files through SplitReader");
        Split reference = Split.read(split);
        assertEquals("b08a2252b04cebba036cd149e33a4ffecac6f103a6d7128bb1db853beb1978d9",
                sha(interactions(reference.train()) + interactions(reference.val())
                        + interactions(reference.test())), "split files through the split reader");
    }

    private String splitDigest(Splitter splitter, Interactions all, long seed) throws IOException {
        Path out = Files.createTempDirectory(dir, "split");
        splitter.split(all, seed).write(out);
        StringBuilder bytes = new StringBuilder();
        for (String f : new String[]{"train.csv", "val.csv", "test.csv"}) {
            bytes.append(Files.readString(out.resolve(f))).append('|');
        }
        return sha(bytes.toString());
    }

    private static String describe(GeneratedData d) {
        return "GeneratedData[anime=" + d.anime() + ", users=" + d.users() + ", interactions=" + d.interactions()
                + ", unscored=" + d.unscored() + "]";
    }

    private static String dataset(MalDataset d) {
        return sha(ints(d.users().originalIds()) + ints(d.anime().originalIds()) + graph(d.graph()));
    }

    private static String graph(InteractionGraph g) {
        StringBuilder sb = new StringBuilder(g.numUsers() + "x" + g.numItems() + ":");
        for (int u = 0; u < g.numUsers(); u++) sb.append(ints(g.itemsOf(u))).append(';');
        return sb.toString();
    }

    private static String interactions(Interactions i) { return ints(i.userIds()) + ints(i.itemIds()) + "|"; }

    private static String ints(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) sb.append(v).append(',');
        return sb.toString();
    }

    private static String sha(String text) { return sha(text.getBytes(StandardCharsets.UTF_8)); }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
