package io.github.lightgcn.bench.reproduce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ResultsTableTest {

    @TempDir
    Path dir;

    /** The summary a finished run leaves beside its curve. */
    private void finished(String name, int epochs, int bestEpoch, double wall, double medianEpoch, int heapMib)
            throws IOException {
        Files.writeString(dir.resolve(name + ".properties"), String.join("\n", "name=" + name, "epochs=" + epochs,
                "best_epoch=" + bestEpoch, "wall_seconds=" + wall, "median_epoch_seconds=" + medianEpoch,
                "peak_heap_mib=" + heapMib) + "\n");
    }

    @Test
    void finishedAndRunningRunsWithTheirFirstCrossingOfTheMilestone() throws IOException {
        // finished: best at 40 (0.1760), crosses 0.175 first at epoch 40; running: best 0.1700 at 40, last 0.1690
        Files.writeString(dir.resolve("gowalla-K3-user-s1.curve.csv"), Reproduce.Curve.HEADER
                + "20,0.17000,0.14000,0.05000,100.0\n40,0.17600,0.15000,0.05500,200.0\n60,0.17500,0.14900,0.05400,300.0\n");
        finished("gowalla-K3-user-s1", 60, 40, 301.5, 4.5, 123);
        Files.writeString(dir.resolve("gowalla-K1-user-s1.curve.csv"), Reproduce.Curve.HEADER
                + "20,0.16000,0.13000,0.05000,50.0\n40,0.17000,0.14500,0.05200,99.0\n60,0.16900,0.14400,0.05100,150.0\n");
        Files.writeString(dir.resolve("gowalla-K2-edge-s1.curve.csv"), Reproduce.Curve.HEADER + "20,0.13000,0.11000,0.04000,40.0\n");
        finished("gowalla-K2-edge-s1", 20, 20, 40.0, 2.0, 99);
        ResultsTable.write(dir);

        String md = Files.readString(dir.resolve("RESULTS.md"));
        assertTrue(md.contains("| gowalla-K3-user-s1 | 60 (40) | 0.17600 / 0.15000 | 0.17500 / 0.14900 | 0.1823 / 0.1555 "
                + "| 0.1824 / 0.1547 | epoch 40, 200 s | 302 s | 4.50 s | 123 MiB |"), md);
        assertTrue(md.contains("| gowalla-K1-user-s1 | 60 (40), *in progress* | 0.17000 / 0.14500 | 0.16900 / 0.14400 "
                + "| 0.1755 / 0.1492 | — | not yet | 150 s | — | — |"), md);
        assertTrue(md.contains("| gowalla-K2-edge-s1 | 20 (20) | 0.13000 / 0.11000 | 0.13000 / 0.11000 | 0.1777 / 0.1524 | — "
                + "| not reached | 40 s | 2.00 s | 99 MiB |"), md);
        String json = Files.readString(dir.resolve("results.json"));
        assertTrue(json.contains("\"status\": \"in progress\""), json);
        assertTrue(json.contains("{\"epoch\": 40, \"recall@20\": 0.17600, \"ndcg@20\": 0.15000, \"wall_seconds\": 200.0}"), json);
        byte[] png = Files.readAllBytes(dir.resolve("recall-curves.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void aDamagedCurveNamesTheFileAndLine() throws IOException {
        Files.writeString(dir.resolve("gowalla-K3-user-s1.curve.csv"), Reproduce.Curve.HEADER + "20,0.1,0.1,0.1,1\n40,x\n");
        IOException e = assertThrows(IOException.class, () -> ResultsTable.write(dir));
        assertTrue(e.getMessage().contains("gowalla-K3-user-s1.curve.csv line 3"), e.getMessage());
    }
}
