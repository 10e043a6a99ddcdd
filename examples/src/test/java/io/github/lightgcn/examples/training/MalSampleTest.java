package io.github.lightgcn.examples.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample in the jar is the real MAL data, byte for byte (the sha256 of its provenance README). */
class MalSampleTest {

    @TempDir
    Path dir;

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void extractsTheRealFilesByteForByte() throws Exception {
        MalSample.SampleFiles files = MalSample.extractTo(dir.resolve("sample"));
        assertEquals("26c27b66120342544f19c9acb575e3dcbf37d46d1898ae57be3167eb0284a845", sha256(files.animeCsv()));
        assertEquals("5bed1f214a19636556a525693e2f3a5fafb98c84f3a75affb1e76a686298a255", sha256(files.ratingsCsv()));
        // a second extraction replaces the files and leaves no temporary file
        MalSample.extractTo(dir.resolve("sample"));
        try (var listing = Files.list(dir.resolve("sample"))) {
            assertEquals(2, listing.count());
        }
        String readme = new String(MalSample.class.getResourceAsStream(
                "/io/github/lightgcn/examples/mal-sample/README.md").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(readme.contains("CC0") && readme.contains(sha256(files.animeCsv())), readme);
    }
}
