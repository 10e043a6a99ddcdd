package io.github.lightgcn.bench.als;

import io.github.lightgcn.graph.InteractionGraph;
import io.github.lightgcn.io.DataFormat;
import io.github.lightgcn.io.InteractionSplit;
import io.github.lightgcn.io.ReadOptions;
import io.github.lightgcn.io.SplitReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitFilesTest {

    private static InteractionGraph graph(int users, int items, int[] u, int[] i) {
        return InteractionGraph.fromPairs(users, items, u, i);
    }

    /** 3 users x 4 items: the last user only in test, the last item only in validation. */
    private static BenchSplit split() {
        InteractionGraph train = graph(3, 4, new int[]{0, 0, 1, 1}, new int[]{0, 1, 1, 2});
        InteractionGraph fit = graph(3, 4, new int[]{0, 1, 1}, new int[]{0, 1, 2});
        InteractionGraph val = graph(3, 4, new int[]{0, 1}, new int[]{1, 3});
        InteractionGraph test = graph(3, 4, new int[]{2}, new int[]{0});
        return new BenchSplit(BenchSplit.Name.LASTFM, train, fit, val, test, "hand-made");
    }

    @Test
    void thePartsReadBackAsPairFilesAreTheSameGraphs(@TempDir Path dir) throws IOException {
        BenchSplit s = split();
        List<Path> files = SplitFiles.write(s, dir);
        assertEquals(List.of(dir.resolve("grid-train.txt"), dir.resolve("validation.txt"), dir.resolve("train.txt"),
                dir.resolve("test.txt")), files);
        ReadOptions pairs = ReadOptions.of(DataFormat.PAIRS);
        InteractionSplit grid = SplitReader.read(pairs, files.get(0), files.get(1), files.get(3));
        InteractionSplit full = SplitReader.read(pairs, files.get(2), files.get(1), files.get(3));
        assertEquals(s.fitTrain().fingerprint(), grid.train().fingerprint());
        assertEquals(s.validation().fingerprint(), grid.validation().orElseThrow().fingerprint());
        assertEquals(s.test().fingerprint(), grid.test().fingerprint());
        assertEquals(s.train().fingerprint(), full.train().fingerprint());
    }

    @Test
    void aSplitWhoseLastItemOccursNowhereIsRefused(@TempDir Path dir) {
        InteractionGraph g = graph(2, 5, new int[]{0, 1}, new int[]{0, 1}); // item 4 in no part
        BenchSplit s = new BenchSplit(BenchSplit.Name.LASTFM, g, g, g, g, "hand-made");
        IOException e = assertThrows(IOException.class, () -> SplitFiles.write(s, dir));
        assertTrue(e.getMessage().contains("items up to 1 of 2 x 5"), e.getMessage());
    }
}
