package io.github.lightgcn.io.split;

import io.github.lightgcn.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three splitters and the split files, on a small synthetic interaction set. */
class SplitterTest {

    @TempDir
    Path dir;

    /** User u (1..40) has u interactions with anime 100..100+u-1, listed in reverse to test sorting. */
    private static Interactions triangle() {
        int n = 40 * 41 / 2, p = 0;
        int[] users = new int[n], anime = new int[n];
        for (int u = 40; u >= 1; u--) {
            for (int k = u - 1; k >= 0; k--) {
                users[p] = u;
                anime[p++] = 100 + k;
            }
        }
        return Interactions.of(users, anime);
    }

    private static Map<Integer, Integer> perUser(Interactions part) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p = 0; p < part.size(); p++) counts.merge(part.userId(p), 1, Integer::sum);
        return counts;
    }

    /** The parts are disjoint (the record checks) and together are all the interactions. */
    private static void assertPartition(Interactions all, Split split) {
        assertEquals(all.size(), split.size());
        Set<Long> union = new HashSet<>();
        for (Interactions part : new Interactions[]{split.train(), split.val(), split.test()}) {
            for (int p = 0; p < part.size(); p++) union.add(Interactions.key(part.userId(p), part.itemId(p)));
        }
        for (int p = 0; p < all.size(); p++) assertTrue(union.contains(Interactions.key(all.userId(p), all.itemId(p))));
    }

    @Test
    void interactionsAreSortedAndRejectRepeats() {
        Interactions all = triangle();
        assertEquals(820, all.size());
        assertEquals(1, all.userId(0));
        assertEquals(100, all.itemId(0));
        assertEquals(40, all.userId(all.size() - 1));
        assertEquals(139, all.itemId(all.size() - 1));
        assertThrows(IllegalArgumentException.class, () -> Interactions.of(new int[]{1, 1}, new int[]{5, 5}));
        assertThrows(IllegalArgumentException.class, () -> Interactions.of(new int[]{-1}, new int[]{5}));
    }

    @Test
    void randomSplitShapeAndSeed() {
        Interactions all = triangle();
        RandomSplitter splitter = new RandomSplitter(SplitRatios.DEFAULT);
        Split a = splitter.split(all, 1);
        assertEquals(656, a.train().size()); // floor(0.8 * 820)
        assertEquals(82, a.val().size());
        assertEquals(82, a.test().size());
        assertPartition(all, a);
        assertEquals(a, splitter.split(all, 1));
        assertNotEquals(a, splitter.split(all, 2));
    }

    @Test
    void perUserHoldout() {
        Interactions all = triangle();
        PerUserSplitter splitter = new PerUserSplitter(SplitRatios.DEFAULT, 5);
        Split s = splitter.split(all, 3);
        assertPartition(all, s);
        assertEquals(s, splitter.split(all, 3));
        assertNotEquals(s, splitter.split(all, 4));
        Map<Integer, Integer> train = perUser(s.train()), val = perUser(s.val()), test = perUser(s.test());
        for (int u = 1; u <= 40; u++) {
            int expected = u < 5 ? 0 : Math.max(1, (int) Math.floor(0.1 * u));
            assertEquals(expected, val.getOrDefault(u, 0), "val of user " + u);
            assertEquals(expected, test.getOrDefault(u, 0), "test of user " + u);
            assertEquals(u - 2 * expected, train.get(u), "train of user " + u);
        }
        assertThrows(IllegalArgumentException.class, () -> new PerUserSplitter(SplitRatios.DEFAULT, 2));
    }

    @Test
    void perUserKeepsOneForTrain() {
        Interactions all = triangle();
        Split s = new PerUserSplitter(new SplitRatios(0.05, 0.9, 0.05), 3).split(all, 3);
        Map<Integer, Integer> train = perUser(s.train());
        for (int u = 1; u <= 40; u++) assertTrue(train.get(u) >= 1, "user " + u);
        assertEquals(1, train.get(3));
    }

    @Test
    void leaveOneOut() {
        Interactions all = triangle();
        Split s = new LeaveOneOutSplitter().split(all, 5);
        assertPartition(all, s);
        assertEquals(s, new LeaveOneOutSplitter().split(all, 5));
        assertNotEquals(s, new LeaveOneOutSplitter().split(all, 6));
        Map<Integer, Integer> val = perUser(s.val()), test = perUser(s.test());
        assertEquals(38, s.val().size());
        assertEquals(38, s.test().size());
        for (int u = 3; u <= 40; u++) {
            assertEquals(1, val.get(u));
            assertEquals(1, test.get(u));
        }
        for (int u = 1; u <= 2; u++) assertTrue(!val.containsKey(u) && !test.containsKey(u), "user " + u);
        assertThrows(IllegalArgumentException.class, () -> new LeaveOneOutSplitter(2));
    }

    @Test
    void writeReadRoundTripAndGraphs() throws IOException {
        Interactions all = triangle();
        for (Splitter splitter : new Splitter[]{new RandomSplitter(SplitRatios.DEFAULT),
                new PerUserSplitter(SplitRatios.DEFAULT), new LeaveOneOutSplitter()}) {
            Split s = splitter.split(all, 9);
            Path out = dir.resolve(splitter.getClass().getSimpleName());
            s.write(out);
            String train = Files.readString(out.resolve("train.csv"));
            assertTrue(train.startsWith("user_id,anime_id\n1,100\n"), train.substring(0, 30));
            assertTrue(!train.contains("\r"));
            Split back = Split.read(out);
            assertEquals(s, back);
            SplitGraphs g = back.graphs();
            assertEquals(40, g.users().size());
            assertEquals(40, g.items().size());
            assertEquals(s.train().size(), g.train().numEdges());
            assertEquals(s.val().size(), g.val().numEdges());
            assertEquals(s.test().size(), g.test().numEdges());
            assertEquals(g.train().numUsers(), g.test().numUsers());
            assertEquals(g.train().numItems(), g.val().numItems());
            assertEquals(g.train().fingerprint(), s.graphs().train().fingerprint());
        }
    }

    @Test
    void splitFilesAcceptCrlfAndNoHeader() throws IOException {
        Path out = dir.resolve("s");
        Files.createDirectories(out);
        Files.writeString(out.resolve("train.csv"), "user_id,anime_id\r\n2,5\r\n1,5\r\n");
        Files.writeString(out.resolve("val.csv"), "1,6\n");
        Files.writeString(out.resolve("test.csv"), "anime_id,rating,user_id\n7,9,1\n");
        Split s = Split.read(out);
        assertEquals(Interactions.of(new int[]{1, 2}, new int[]{5, 5}), s.train());
        assertEquals(Interactions.of(new int[]{1}, new int[]{6}), s.val());
        assertEquals(Interactions.of(new int[]{1}, new int[]{7}), s.test());
    }

    @Test
    void badSplitFilesNameLineAndField() throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "user_id,anime_id\n1,5\n2,abc\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> InteractionsCsv.read(f));
        assertEquals(3, e.line());
        assertEquals("anime_id", e.field());
        assertTrue(e.getMessage().startsWith(f + ", line 3, field anime_id: 'abc' is not an integer"), e.getMessage());

        Files.writeString(f, "user_id,anime_id\n1,5\n2\n");
        e = assertThrows(DataFormatException.class, () -> InteractionsCsv.read(f));
        assertEquals(3, e.line());
        assertEquals("anime_id", e.field());

        Files.writeString(f, "user_id,anime_id\n1,5\n2,6\n\n1,5\n");
        e = assertThrows(DataFormatException.class, () -> InteractionsCsv.read(f));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("pair (1, 5) already appeared on line 2"), e.getMessage());

        Files.writeString(f, "user,anime_id\n1,5\n");
        e = assertThrows(DataFormatException.class, () -> InteractionsCsv.read(f));
        assertEquals("user_id", e.field());

        Files.writeString(f, "");
        assertTrue(assertThrows(DataFormatException.class, () -> InteractionsCsv.read(f)).getMessage().contains("empty"));
    }

    @Test
    void overlappingPartsAreRejected() throws IOException {
        Interactions a = Interactions.of(new int[]{1, 2}, new int[]{5, 5});
        Interactions b = Interactions.of(new int[]{2}, new int[]{5});
        Interactions none = Interactions.of(new int[0], new int[0]);
        assertThrows(IllegalArgumentException.class, () -> new Split(a, none, b));
        Path out = dir.resolve("overlap");
        Files.createDirectories(out);
        InteractionsCsv.write(out.resolve("train.csv"), a);
        InteractionsCsv.write(out.resolve("val.csv"), none);
        InteractionsCsv.write(out.resolve("test.csv"), b);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Split.read(out));
        assertTrue(e.getMessage().contains("pair (2, 5) is in both train and test"), e.getMessage());
    }
}
