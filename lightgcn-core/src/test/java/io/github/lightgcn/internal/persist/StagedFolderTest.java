package io.github.lightgcn.internal.persist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A folder written all or nothing: a failure at any file leaves the folder as it was, and no staging folder. */
class StagedFolderTest {

    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void failingExport(Path target) throws IOException {
        try (StagedFolder folder = StagedFolder.create(target)) {
            folder.write("users.npy", f -> Files.write(f, new byte[1000]));
            folder.write("items.npy", f -> {
                Files.write(f, new byte[10]); // half written when the disk fills up
                throw new IOException("No space left on device");
            });
            folder.commit();
        }
    }

    @Test
    void aFailedExportToANewFolderLeavesNothing() throws IOException {
        Path target = dir.resolve("emb");
        IOException e = assertThrows(IOException.class, () -> failingExport(target));
        assertEquals("cannot write the folder " + target + ": items.npy: No space left on device", e.getMessage());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aFailedExportToAnExistingFolderLeavesItsFilesAsTheyWere() throws IOException {
        Path target = Files.createDirectory(dir.resolve("emb"));
        Files.writeString(target.resolve("users.npy"), "old users");
        Files.writeString(target.resolve("ids.json"), "old ids");
        assertThrows(IOException.class, () -> failingExport(target));
        assertEquals(List.of("ids.json", "users.npy"), names(target));
        assertEquals("old users", Files.readString(target.resolve("users.npy")));
        assertEquals(List.of("emb"), names(dir));
    }

    @Test
    void aCommittedExportReplacesTheSetAndKeepsOtherFiles() throws IOException {
        Path target = Files.createDirectory(dir.resolve("emb"));
        Files.writeString(target.resolve("users.npy"), "old users");
        Files.writeString(target.resolve("notes.txt"), "mine");
        Path stale = Files.createDirectory(target.resolve(".lightgcn-77.tmp")); // a killed export's, no lock file
        try (StagedFolder folder = StagedFolder.create(target)) {
            assertFalse(Files.exists(stale));
            folder.write("users.npy", f -> Files.writeString(f, "new users"));
            folder.write("ids.json", f -> Files.writeString(f, "new ids"));
            assertEquals(target, folder.commit());
        }
        assertEquals(List.of("ids.json", "notes.txt", "users.npy"), names(target));
        assertEquals("new users", Files.readString(target.resolve("users.npy")));
        assertEquals("mine", Files.readString(target.resolve("notes.txt")));
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        IOException e = assertThrows(IOException.class, () -> StagedFolder.create(file));
        assertEquals("cannot write the folder " + file + ": it is a file, not a folder", e.getMessage());
    }
}
