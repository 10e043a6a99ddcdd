package io.github.lightgcn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The export writes its folder all or nothing (before: the three files were written in place one by one, so a kill
 * or a full disk left a truncated .npy or no ids.json, and a file in the way was a bare FileAlreadyExistsException).
 */
class EmbeddingExportFolderTest {

    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aKilledExportsLeftoversGoAndAnExistingFoldersOtherFilesStay() throws IOException {
        Path out = dir.resolve("emb");
        Path stale = Files.createDirectories(dir.resolve(".emb.lightgcn-5eed.tmp")); // a killed export's
        Files.write(stale.resolve("users.npy"), new byte[7]);
        EmbeddingExport.of(EmbeddingExportTest.MODEL).writeTo(out);
        assertEquals(List.of("emb"), names(dir));
        assertEquals(List.of("ids.json", "items.npy", "users.npy"), names(out));
        Files.writeString(out.resolve("README"), "mine");
        EmbeddingExport.of(EmbeddingExportTest.MODEL).writeTo(out);
        assertEquals(List.of("README", "ids.json", "items.npy", "users.npy"), names(out));
    }

    @Test
    void aFileInTheWayIsOneLineNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("emb"), "mine");
        IOException e = assertThrows(IOException.class, () -> EmbeddingExport.of(EmbeddingExportTest.MODEL)
                .writeTo(file));
        assertEquals("cannot write the folder " + file + ": it is a file, not a folder", e.getMessage());
        assertEquals("mine", Files.readString(file));
    }
}
