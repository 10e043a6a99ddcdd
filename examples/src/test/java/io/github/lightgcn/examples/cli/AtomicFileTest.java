package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The metrics JSON and the curves PNG are saved all or nothing, as the model is: a failed write leaves the previous
 * file (or none) and no temporary file, and its error names the target and what failed.
 */
class AtomicFileTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplacesKeepingThePermissions() throws IOException {
        Path target = dir.resolve("metrics.json");
        assertEquals(target.toAbsolutePath(), AtomicFile.write(target, "the metrics", bytes("one")));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.write(target, "the metrics", bytes("two"));
        assertEquals("two", Files.readString(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of("metrics.json"), names());
    }

    @Test
    void aWriteThatFailsPartWayLeavesThePreviousFileWhole() throws IOException {
        Path target = Files.writeString(dir.resolve("curves.png"), "the old picture");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, "the training curves", out -> {
            out.write(bytes("half of a new pict"));
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write the training curves " + target + ": no space left on device", e.getMessage());
        assertEquals("the old picture", Files.readString(target));
        assertEquals(List.of("curves.png"), names(), "no temporary file is left");
    }

    @Test
    void aTargetThatBecameAFolderIsRefusedAndKept() throws IOException {
        Path target = Files.createDirectories(dir.resolve("metrics.json"));
        Files.writeString(target.resolve("inside"), "mine");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, "the metrics", bytes("x")));
        assertEquals("cannot write the metrics " + target + ": it is a folder, not a regular file; refusing to replace"
                + " it", e.getMessage());
        assertEquals("mine", Files.readString(target.resolve("inside")));
        assertEquals(List.of("metrics.json"), names());
        Path empty = Files.createDirectories(dir.resolve("empty.json"));
        assertThrows(IOException.class, () -> AtomicFile.write(empty, "the metrics", bytes("x")));
        assertTrue(Files.isDirectory(empty), "an empty folder is not replaced either");
    }

    @Test
    void aFolderThatCannotBeMadeIsNamedInWords() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path target = file.resolve("sub/metrics.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, "the metrics", bytes("x")));
        assertTrue(e.getMessage().startsWith("cannot write the metrics " + target + ": its folder " + target.getParent()
                + " cannot be created: "), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aFolderThatRefusesFilesIsNamedWithTheTarget() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        Path target = Path.of("/proc/lightgcn-metrics.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, "the metrics", bytes("x")));
        assertTrue(e.getMessage().startsWith("cannot write the metrics " + target + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp") || e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aLinkIsWrittenThrough() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        assertEquals(real.toAbsolutePath(), AtomicFile.write(link, "the metrics", bytes("new")));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void staleTemporaryFilesOfKilledWritesAreDeletedButNotOnesInUse() throws IOException {
        Path target = dir.resolve("metrics.json");
        Path stale = Files.writeString(dir.resolve(".metrics.json.lightgcn-0badc0de.tmp"), "half");
        Path inUse = Files.writeString(dir.resolve(".metrics.json.lightgcn-feedface.tmp"), "being written");
        Path other = Files.writeString(dir.resolve(".other.json.lightgcn-0badc0de.tmp"), "another target's");
        Process holder = lockInAnotherProcess(inUse);
        try {
            AtomicFile.write(target, "the metrics", bytes("{}"));
        } finally {
            holder.destroy();
        }
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(inUse), "a file another process holds a lock on is being written");
        assertTrue(Files.exists(other));
        assertArrayEquals(bytes("{}"), Files.readAllBytes(target));
    }

    @Test
    void trainWritesItsMetricsAndCurvesThisWay() throws IOException {
        SmallData data = SmallData.write(Files.createDirectories(dir.resolve("data")));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path staleJson = Files.writeString(out.resolve(".m.json.lightgcn-0badc0de.tmp"), "half");
        Path stalePng = Files.writeString(out.resolve(".c.png.lightgcn-0badc0de.tmp"), "half");
        Path json = Files.writeString(out.resolve("m.json"), "old");
        CliRun r = CliRun.of("train", "--train", data.train().toString(), "--test", data.test().toString(), "--format",
                "pairs", "--epochs", "2", "--eval-every", "1", "--threads", "1", "--metrics-json", json.toString(),
                "--curves", out.resolve("c.png").toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(Files.exists(staleJson) || Files.exists(stalePng), "stale temporary files are deleted");
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("c.png", "m.json"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(MiniJson.object(MiniJson.parse(Files.readString(json))).containsKey("ndcg@20"));
        byte[] png = Files.readAllBytes(out.resolve("c.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    /** A process that holds a lock on {@code file} (as a writer does) until destroyed; started when it holds it. */
    private static Process lockInAnotherProcess(Path file) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path source = file.resolveSibling("Hold.java");
        Files.writeString(source, """
                public class Hold {
                    public static void main(String[] a) throws Exception {
                        var c = java.nio.channels.FileChannel.open(java.nio.file.Path.of(a[0]),
                                java.nio.file.StandardOpenOption.WRITE);
                        var lock = c.lock();
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
                """);
        Process p = new ProcessBuilder(java.toString(), source.toString(), file.toString()).start();
        String line = new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
        Files.delete(source);
        assertEquals("locked", line);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE); FileLock l = c.tryLock()) {
            assertEquals(null, l, "the other process holds the lock");
        }
        return p;
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
