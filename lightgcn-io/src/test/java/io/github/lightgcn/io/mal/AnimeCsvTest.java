package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** anime.csv on small inline files: quirks, line endings, and every bad-input case. */
class AnimeCsvTest {

    private static final String HEADER = "anime_id,name,genre,type,episodes,rating,members\n";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path p = dir.resolve("anime.csv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private AnimeCatalog read(String content) throws IOException {
        return AnimeCsv.read(file(content));
    }

    @Test
    void quirksBecomeValuesOrAbsences() throws IOException {
        AnimeCatalog c = read(HEADER
                + "9969,Gintama&#039;,\"Action, Comedy, Sci-Fi\",TV,51,9.16,151266\n"
                + "7,Tiger &amp; Bunny &quot;&lt;3&gt;&quot;,,,Unknown,,\n"
                + "3,Caf&#233; &#xE9;t&#XE9; AT&T &foo; &#;,Drama,Movie,1,5,10\n");
        assertEquals(3, c.size());
        assertEquals(List.of(3, 7, 9969), c.all().stream().map(Anime::id).toList()); // sorted by id
        Anime gintama = c.byId(9969).orElseThrow();
        assertEquals("Gintama'", gintama.name());
        assertEquals(List.of("Action", "Comedy", "Sci-Fi"), gintama.genres());
        Anime tiger = c.byId(7).orElseThrow();
        assertEquals("Tiger & Bunny \"<3>\"", tiger.name());
        assertEquals(List.of(), tiger.genres());
        assertEquals(Optional.empty(), tiger.type());
        assertEquals(OptionalInt.empty(), tiger.episodes());
        assertEquals(OptionalDouble.empty(), tiger.rating());
        assertEquals(OptionalInt.empty(), tiger.members());
        assertEquals("Café été AT&T &foo; &#;", c.byId(3).orElseThrow().name());
        assertEquals(new CatalogSummary(3, 1, 1, 1, 1, 1, 3), c.summary());
        assertEquals(1, c.indexOf(7));
        assertEquals(-1, c.indexOf(8));
    }

    @Test
    void columnsByNameWithBomAndCrlf() throws IOException {
        String lf = "members,type,name,anime_id,episodes,genre,rating,extra\n"
                + "1000,TV,\"Kimi no Na wa., the \"\"movie\"\"\",32281,1,\"Drama, Romance\",9.37,x\n";
        for (String content : List.of(lf, lf.replace("\n", "\r\n"), "\uFEFF" + lf.replace("\n", "\r\n"))) {
            Anime a = read(content).byId(32281).orElseThrow();
            assertEquals("Kimi no Na wa., the \"movie\"", a.name());
            assertEquals(List.of("Drama", "Romance"), a.genres());
            assertEquals(OptionalDouble.of(9.37), a.rating());
            assertEquals(OptionalInt.of(1000), a.members());
        }
    }

    @Test
    void writeThenReadGivesTheSameAnime() throws IOException {
        AnimeCatalog c = read(HEADER
                + "9969,Gintama&#039;,\"Action, Comedy\",TV,51,9.16,151266\n"
                + "7,Tiger & <Bunny> \"2\",,,Unknown,,5\n");
        Path copy = dir.resolve("copy.csv");
        AnimeCsv.write(copy, c.all());
        String text = Files.readString(copy);
        assertTrue(text.contains("Gintama&#039;") && text.contains("Tiger &amp; &lt;Bunny&gt; &quot;2&quot;"), text);
        assertTrue(text.contains("\r\n"));
        assertEquals(c.all(), AnimeCsv.read(copy).all());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "id not integer  | 1,A,,TV,1,5,1\\nx1,B,,TV,1,5,1\\n     | 3 | anime_id | 'x1' is not an integer",
            "id negative     | 1,A,,TV,1,5,1\\n-4,B,,TV,1,5,1\\n     | 3 | anime_id | out of range",
            "id repeated     | 1,A,,TV,1,5,1\\n1,B,,TV,1,5,1\\n      | 3 | anime_id | already appeared on line 2",
            "name empty      | 1,A,,TV,1,5,1\\n2,,,TV,1,5,1\\n       | 3 | name     | the name is empty",
            "episodes bad    | 1,A,,TV,1,5,1\\n2,B,,TV,many,5,1\\n   | 3 | episodes | 'many' is not an integer",
            "rating bad      | 1,A,,TV,1,5,1\\n2,B,,TV,1,good,1\\n   | 3 | rating   | 'good' is not a number",
            "rating high     | 1,A,,TV,1,5,1\\n2,B,,TV,1,10.5,1\\n   | 3 | rating   | outside 0..10",
            "members bad     | 1,A,,TV,1,5,1\\n2,B,,TV,1,5,1e3\\n    | 3 | members  | '1e3' is not an integer",
            "too few fields  | 1,A,,TV,1,5,1\\n2,B,,TV,1\\n          | 3 | rating   | expected 7 fields",
            "too many fields | 1,A,,TV,1,5,1\\n2,B,,TV,1,5,1,9\\n    | 3 | column 8 | found 8",
            "after newline in quotes | 1,\"A\\nB\",,TV,1,5,1\\n2,B,,TV,x,5,1\\n | 4 | episodes | 'x'",
    })
    void malformedRowNamesFileLineAndField(String name, String rows, long line, String field, String problem) {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read(HEADER + rows.replace("\\n", "\n")));
        assertEquals(line, e.line());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(dir.resolve("anime.csv") + ", line " + line + ", field " + field + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void emptyFileAndMissingColumn() {
        DataFormatException empty = assertThrows(DataFormatException.class, () -> read(""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        DataFormatException missing = assertThrows(DataFormatException.class,
                () -> read("anime_id,name,genre,type,episodes,members\n1,A,,TV,1,5\n"));
        assertEquals(1, missing.line());
        assertEquals("rating", missing.field());
        assertTrue(missing.getMessage().contains("no column 'rating'"), missing.getMessage());
    }

    @Test
    void unterminatedQuoteIsAFormatError() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> read(HEADER + "1,A,,TV,1,5,1\n2,\"B,,TV,1,5,1\n"));
        assertTrue(e.getMessage().contains("not valid CSV"), e.getMessage());
    }

    @Test
    void invalidUtf8IsAFormatError() throws IOException {
        Path p = dir.resolve("anime.csv");
        byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] row = {'1', ',', 'A', (byte) 0xC3, (byte) 0x28, ',', ',', 'T', 'V', ',', '1', ',', '5', ',', '1', '\n'};
        byte[] all = new byte[head.length + row.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(row, 0, all, head.length, row.length);
        Files.write(p, all);
        DataFormatException e = assertThrows(DataFormatException.class, () -> AnimeCsv.read(p));
        assertEquals(2, e.line());
        assertEquals("name", e.field());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }
}
