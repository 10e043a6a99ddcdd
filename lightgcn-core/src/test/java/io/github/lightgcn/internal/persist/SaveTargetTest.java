package io.github.lightgcn.internal.persist;

import io.github.lightgcn.LightGCNModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A save never destroys what is not its own (before: a save renamed its temporary file over whatever the target was:
 * a device node, a named pipe, a symbolic link; its file was mode 0600; a killed save left its temporary file for
 * good; a write error named the temporary file). Devices are only ever reached through a symbolic link in the
 * temporary folder, so that even the old code replaced the link, never the device.
 */
@EnabledOnOs(OS.LINUX)
class SaveTargetTest {

    @TempDir
    Path dir;

    private static Path save(Path target, int bytes) throws IOException {
        try (ChecksummedOutput out = ChecksummedFile.create(target, "TESTFILE", 2, "test")) {
            out.putBytes(new byte[bytes]);
            return out.commit();
        }
    }

    /** Everything in the folder but the given names: temporary files left behind. */
    private List<String> leftovers(Path folder, String... expected) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !List.of(expected).contains(n)).toList();
        }
    }

    private static void run(String... command) throws Exception {
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), String.join(" ", command));
    }

    @Test
    void aNamedPipeIsRefusedAndStaysAPipe() throws Exception {
        Path fifo = dir.resolve("model.lgcn");
        run("mkfifo", fifo.toString());
        IOException e = assertThrows(IOException.class, () -> save(fifo, 10));
        assertEquals("cannot save test " + fifo + ": it is a named pipe, not a regular file; refusing to replace it",
                e.getMessage());
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.isDirectory(fifo));
        assertEquals(List.of(), leftovers(dir, "model.lgcn"));
    }

    @Test
    void aLinkToADeviceIsRefusedNamingBoth() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("null.lgcn"), Path.of("/dev/null"));
        IOException e = assertThrows(IOException.class, () -> save(link, 10));
        assertEquals("cannot save test " + link + " (a symbolic link to /dev/null): it is a character device, not a "
                + "regular file; refusing to replace it", e.getMessage());
        assertTrue(Files.isSymbolicLink(link), "the link is left as it was");
        assertEquals(List.of(), leftovers(dir, "null.lgcn"));
    }

    @Test
    void aFolderIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));
        Files.writeString(folder.resolve("keep.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> save(folder, 10));
        assertEquals("cannot save test " + folder + ": it is a folder, not a regular file; refusing to replace it",
                e.getMessage());
        assertEquals("mine", Files.readString(folder.resolve("keep.txt")));
        assertEquals(List.of("out"), leftovers(dir));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStays() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("m.lgcn");
        Files.writeString(real, "old");
        Path links = Files.createDirectory(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("m.lgcn"), Path.of("../real/m.lgcn"));
        Path written = save(link, 1000);
        assertEquals(real.toAbsolutePath(), written.toAbsolutePath().normalize());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(12 + 1000 + 20, Files.size(real));
        assertEquals(List.of(), leftovers(real.getParent(), "m.lgcn"));
        assertEquals(List.of(), leftovers(links, "m.lgcn"));
        // a dangling link creates the file it points to
        Path dangling = Files.createSymbolicLink(links.resolve("new.lgcn"), real.resolveSibling("new.lgcn"));
        assertEquals(real.resolveSibling("new.lgcn"), save(dangling, 5));
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals(12 + 5 + 20, Files.size(real.resolveSibling("new.lgcn")));
    }

    @Test
    void theModelSaveSaysWhichFileItWrote() throws IOException {
        Path real = dir.resolve("real.lgcn");
        Path link = Files.createSymbolicLink(dir.resolve("link.lgcn"), real.getFileName());
        LightGCNModel model = ModelFileTest.model();
        assertEquals(real, model.save(link));
        assertEquals(dir.resolve("plain.lgcn"), model.save(dir.resolve("plain.lgcn")));
        assertTrue(Files.isSymbolicLink(link));
        LightGCNModel loaded = LightGCNModel.load(link);
        assertArrayEquals(model.userEmbeddings(), loaded.userEmbeddings(), 0f);
        assertEquals(model.trainGraph().fingerprint(), loaded.trainGraph().fingerprint());
    }

    @Test
    void aNewFileHasTheDefaultPermissionsAndAReplacedOneKeepsItsOwn() throws IOException {
        Path reference = Files.writeString(dir.resolve("reference.txt"), "the umask decides its mode");
        Set<PosixFilePermission> umask = Files.getPosixFilePermissions(reference);
        Path file = dir.resolve("m.lgcn");
        save(file, 10);
        assertEquals(PosixFilePermissions.toString(umask), PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)), "as any other output (before: 0600)");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        save(file, 20);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aStaleTemporaryFileIsDeletedByTheNextSave() throws IOException {
        Path file = dir.resolve("m.lgcn");
        Path stale = Files.write(dir.resolve(".m.lgcn.lightgcn-1234abcd.tmp"), new byte[4096]); // a killed save's
        Path other = Files.writeString(dir.resolve(".other.lgcn.lightgcn-1234abcd.tmp"), "another target's");
        save(file, 10);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(other), "only this target's temporary files are examined");
    }

    @Test
    void aTemporaryFileInUseIsLeftAlone() throws Exception {
        Path file = dir.resolve("m.lgcn");
        // a save in progress in this JVM
        try (ChecksummedOutput first = ChecksummedFile.create(file, "TESTFILE", 2, "test")) {
            first.putBytes(new byte[100]);
            save(file, 10);
            assertEquals(1, leftovers(dir, "m.lgcn").size(), "the first save's file is still there");
            first.commit();
        }
        assertEquals(12 + 100 + 20, Files.size(file));
        assertEquals(List.of(), leftovers(dir, "m.lgcn"));
        // a save in progress in another process
        Path busy = Files.write(dir.resolve(".m.lgcn.lightgcn-feed.tmp"), new byte[10]);
        Process holder = child("lock", busy.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            save(file, 10);
            assertTrue(Files.exists(busy), "a file another process holds is not stale");
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        save(file, 10);
        assertFalse(Files.exists(busy), "once released, it is stale");
    }

    @Test
    void aWriteErrorNamesTheTargetAndKeepsThePreviousFile() throws Exception {
        Path file = Files.writeString(dir.resolve("m.lgcn"), "previous");
        // the file-size limit makes the write fail as a full disk does, with the operating system's reason
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "bash"));
        command.addAll(child("save", file.toString(), Integer.toString(1 << 20)).command());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("cannot save test " + file + ": File too large", output);
        assertEquals("previous", Files.readString(file));
        assertEquals(List.of(), leftovers(dir, "m.lgcn"), "the temporary file is deleted");
    }

    @Test
    void aDeviceOrFolderIsNotReadAsAFile() throws IOException {
        IOException e = assertThrows(IOException.class, () -> LightGCNModel.load(Path.of("/dev/zero")));
        assertEquals("/dev/zero: not a lightgcn model file: it is a character device, not a regular file",
                e.getMessage());
        e = assertThrows(IOException.class, () -> LightGCNModel.load(dir));
        assertEquals(dir + ": not a lightgcn model file: it is a folder, not a regular file", e.getMessage());
    }

    private static ProcessBuilder child(String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                SaveChild.class.getName()));
        c.addAll(List.of(args));
        return new ProcessBuilder(c);
    }
}
