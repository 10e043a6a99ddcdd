package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Metadata that a model file could not keep fails when anime.csv is read, naming the line and field (before: a title
 * over 65,535 bytes failed in the save after the whole training, and {@code &#xD800;} decoded to a lone surrogate
 * that broke {@code export}).
 */
class SavableMetadataTest {

    private static final String HEADER = "anime_id,name,genre,type,episodes,rating,members\n";

    @TempDir
    Path dir;

    private DataFormatException refused(String rows) throws IOException {
        Path file = Files.writeString(dir.resolve("anime.csv"), HEADER + "1,Fine,Drama,TV,1,5,10\n" + rows);
        return assertThrows(DataFormatException.class, () -> AnimeCsv.read(file));
    }

    @Test
    void textOverTheModelFilesLimitIsRefusedAtLoadTime() throws IOException {
        String longest = "é".repeat(AnimeCsv.MAX_TEXT_BYTES / 2) + "a"; // 65,535 bytes: still fits
        Path ok = Files.writeString(dir.resolve("ok.csv"), HEADER + "1,\"" + longest + "\",Drama,TV,1,5,10\n");
        assertEquals(longest, AnimeCsv.read(ok).byId(1).orElseThrow().name());
        assertWritable(longest);

        DataFormatException e = refused("2,\"" + longest + "b\",Drama,TV,1,5,10\n");
        assertEquals(dir.resolve("anime.csv") + ", line 3, field name: the name is 65,536 bytes long in UTF-8; a "
                + "model file keeps at most 65,535", e.getMessage());
        assertThrows(UTFDataFormatException.class, () -> assertWritable(longest + "b"), "what the save would meet");

        String genres = ("Action, ".repeat(9000) + "Drama");
        e = refused("2,Title,\"" + genres + "\",TV,1,5,10\n");
        assertEquals(3, e.line());
        assertEquals("genre", e.field());
        e = refused("2,Title,Drama,\"" + "T".repeat(70_000) + "\",1,5,10\n");
        assertEquals("type", e.field());
        // characters beyond the BMP take 6 bytes in the model file's encoding, 4 in UTF-8
        e = refused("2,\"" + "\uD83D\uDE00".repeat(11_000) + "\",Drama,TV,1,5,10\n");
        assertEquals(dir.resolve("anime.csv") + ", line 3, field name: the name is 66,000 bytes long in UTF-8; a "
                + "model file keeps at most 65,535", e.getMessage());
    }

    private static void assertWritable(String text) throws IOException {
        new DataOutputStream(new ByteArrayOutputStream()).writeUTF(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bad &#xD800; title | &#xD800; names a UTF-16 surrogate (U+D800), not a character of text",
            "Bad &#57343; title | &#57343; names a UTF-16 surrogate (U+DFFF), not a character of text",
            "Bad &#xFFFE; title | &#xFFFE; names the Unicode non-character U+FFFE, not a character of text",
            "Bad &#xFDD0; title | &#xFDD0; names the Unicode non-character U+FDD0, not a character of text",
            "Bad &#x10FFFF; title | &#x10FFFF; names the Unicode non-character U+10FFFF, not a character of text"})
    void aReferenceToSomethingThatIsNotTextIsRefusedNamingTheLineAndField(String name, String problem)
            throws IOException {
        DataFormatException e = refused("2,\"" + name + "\",Drama,TV,1,5,10\n");
        assertEquals(dir.resolve("anime.csv") + ", line 3, field name: " + problem, e.getMessage());
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                () -> HtmlEntities.decode(name));
        assertEquals(problem, direct.getMessage());
    }

    @Test
    void theCharactersAroundThemStillDecode() {
        assertEquals("\uD7FF \uE000 \uFFFD \uD83D\uDE00 \uDBFF\uDFFD", HtmlEntities.decode(
                "&#xD7FF; &#xE000; &#xFFFD; &#x1F600; &#x10FFFD;"));
    }
}
