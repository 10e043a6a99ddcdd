package io.github.lightgcn.internal.persist;

import io.github.lightgcn.CheckpointPosition;
import io.github.lightgcn.internal.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The container: streamed writes with a footer, version ranges, both layouts, nothing left behind by a failed save. */
class ChecksummedFileTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBackWithItsVersion() throws IOException {
        Path file = dir.resolve("f.bin");
        float[] floats = new float[100_000]; // larger than the buffers: crosses many refills
        for (int i = 0; i < floats.length; i++) floats[i] = i * 0.5f;
        long[] longs = {Long.MIN_VALUE, -1, 7};
        try (ChecksummedOutput out = ChecksummedFile.create(file, "TESTFILE", 4, "test")) {
            out.putByte(200).putInt(-5).putLong(1L << 40).putDouble(Double.NaN).putFloats(floats).putLongs(longs)
                    .putString("grüße").putStrings(Map.of("k", "v")).putBlock(new byte[]{1}).putInts(new int[]{3, 4});
            out.commit();
        }
        assertEquals(12 + 1 + 4 + 8 + 8 + 4 * floats.length + 24 + (4 + 7) + (4 + 4 + 3 + 3) + 5 + 8 + 20,
                Files.size(file));
        try (ChecksummedInput in = ChecksummedFile.open(file, "TESTFILE", 3, 5, "test")) {
            assertEquals(4, in.version());
            assertEquals(200, in.getByte("b"));
            assertEquals(-5, in.getInt("i"));
            assertEquals(1L << 40, in.getLong("l"));
            assertEquals(Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(in.getDouble("d")));
            assertArrayEquals(floats, in.getFloats(floats.length, "floats"), 0f);
            assertArrayEquals(longs, in.getLongs(3, "longs"));
            assertEquals("grüße", in.getString("s"));
            assertEquals(Map.of("k", "v"), in.getStrings("m"));
            assertArrayEquals(new byte[]{1}, in.getBlock("block"));
            assertArrayEquals(new int[]{3, 4}, in.getInts(2, "ints"));
            in.expectEnd();
            IOException e = assertThrows(IOException.class, () -> in.getInt("one too many"));
            assertEquals(file + ": inconsistent test file: one too many needs 4 bytes, 0 left", e.getMessage());
        }
        IOException e = assertThrows(IOException.class, () -> ChecksummedFile.open(file, "TESTFILE", 1, 3, "test"));
        assertEquals(file + ": test file version 4, this library reads 1 to 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChecksummedFile.create(file, "TESTFILE", 1, "test"));
    }

    @Test
    void aSaveThatIsNotCommittedLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("never.bin");
        try (ChecksummedOutput out = ChecksummedFile.create(file, "TESTFILE", 2, "test")) {
            out.putInt(1);
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void checkpointsAreWrittenAsVersion2AndVersion1StillReads() throws IOException {
        Path frozen = ModelFileTest.fixture("checkpoint-v1.ckpt");
        assertEquals(new CheckpointPosition(3, 3), Checkpoint.position(frozen));
        Checkpoint v1 = Checkpoint.load(frozen);
        Path again = dir.resolve("again.ckpt");
        v1.save(again);
        assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(again)).getInt(8));
        assertEquals(new CheckpointPosition(3, 3), Checkpoint.position(again));
        Checkpoint v2 = Checkpoint.load(again);
        assertArrayEquals(v1.ego(), v2.ego(), 0f);
        assertArrayEquals(v1.adamSecond(), v2.adamSecond(), 0f);
        assertEquals(v1.identity(), v2.identity());
        assertEquals(v1.bestMetrics(), v2.bestMetrics());
        assertArrayEquals(v1.epochSeconds(), v2.epochSeconds(), 0);
        assertArrayEquals(v1.adamFirst(), v2.adamFirst(), 0f);
        assertArrayEquals(v1.partialLoss(), v2.partialLoss(), 0);
        assertEquals(v1.adamStep(), v2.adamStep());
        assertEquals(v1.trainSeconds(), v2.trainSeconds());
        // (the payloads differ in bytes only in the identity block: a format-1 identity also listed threads,
        // evalBlockSize and maxTrainingSeconds, which no longer decide whether a run may be resumed)
    }
}
