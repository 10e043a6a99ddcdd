package io.github.lightgcn.internal.simd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Tables whose rows start on cache lines, whatever region size G1 picked for the heap. */
class AlignedRowsTest {

    @Test
    void smallTablesArePaddedToHalfARegionAndNoMore() {
        long humongous = AlignedRows.humongousFloats(4 << 20); // 4 MB regions: more than 2 MB
        assertEquals((2 << 20) / 4 + 1, humongous);
        assertEquals(humongous, AlignedRows.paddedLength(12 + 6516 * 64, humongous), "MAL's tables: padded");
        long quarter = (humongous + 3) / 4;
        assertEquals(humongous, AlignedRows.paddedLength(quarter, humongous), "a quarter: padded");
        assertEquals(quarter - 1, AlignedRows.paddedLength(quarter - 1, humongous), "smaller: as is");
        assertEquals(humongous + 5, AlignedRows.paddedLength(humongous + 5, humongous), "humongous already");
        assertEquals(1000, AlignedRows.paddedLength(1000, 0), "no G1: never padded");
        assertEquals(0, AlignedRows.humongousFloats(0));
    }

    @Test
    void aTableHoldsItsRowsAfterBaseAndIsZero() {
        float[] t = AlignedRows.allocate(3, 5);
        assertTrue(t.length >= AlignedRows.BASE + 15);
        for (float v : t) assertEquals(0f, v);
        float[] plain = {1, 2, 3};
        float[] a = AlignedRows.aligned(plain);
        assertArrayEquals(plain, java.util.Arrays.copyOfRange(a, AlignedRows.BASE, AlignedRows.BASE + 3));
        assertThrows(IllegalArgumentException.class, () -> AlignedRows.allocate(1L << 31, 64));
        assertTrue(AlignedRows.pinned(2, 3).length >= Math.max(AlignedRows.BASE + 6, AlignedRows.HUMONGOUS_FLOATS));
        assertThrows(IllegalArgumentException.class, () -> AlignedRows.pinned(1L << 31, 64));
    }

    /**
     * A JVM whose G1 regions (4 MB, as for this machine's default 6 GB heap) make MAL's 1.7 MB tables ordinary
     * objects: unpadded, they land anywhere in a cache line and move at each collection; padded, each starts a region
     * (and so does a small pinned buffer).
     */
    @ParameterizedTest
    @ValueSource(strings = {"4m", "2m", "1m"})
    void rowsStartOnACacheLineInAnyRegionSizeAndThroughCollections(String region)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-XX:+UseG1GC", "-XX:G1HeapRegionSize=" + region, "-Xmx1g",
                "-XX:-UseCompressedOops", "-cp", System.getProperty("java.class.path"), AlignedRowsJvmMain.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("rows at")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(line.contains("header 16"), line); // the 16-byte array header that BASE assumes
        String offsets = line.substring("rows at".length(), line.indexOf(" header")).replace("|", " ").trim();
        for (String offset : offsets.split("\\s+")) assertEquals("0", offset, line);
    }
}
