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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rating files: every bad-input case on small inline files. */
class RatingsCsvTest {

    @TempDir
    Path dir;

    /** Anime 1, 5 and 6 exist; 99 does not. */
    private static final AnimeCatalog CATALOG = AnimeCatalog.of(List.of(anime(1), anime(5), anime(6)));

    private static Anime anime(int id) {
        return new Anime(id, "Anime " + id, List.of("Action"), Optional.of("TV"), OptionalInt.of(12),
                OptionalDouble.of(7.5), OptionalInt.of(1000));
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private MalDataset read(String content, RatingOptions options) throws IOException {
        return RatingsCsv.read(file("ratings.csv", content), CATALOG, options);
    }

    private DataFormatException bad(String content, RatingOptions options) {
        return assertThrows(DataFormatException.class, () -> read(content, options));
    }

    @Test
    void headerAndNoHeaderGiveTheSameGraph() throws IOException {
        String rows = "10,1,9\n10,5,-1\n20,6,7\n";
        MalDataset plain = read(rows, RatingOptions.defaults());
        MalDataset headed = read("user_id,anime_id,rating\n" + rows, RatingOptions.defaults());
        assertFalse(plain.summary().hadHeader());
        assertTrue(headed.summary().hadHeader());
        assertEquals(3, plain.numInteractions());
        assertEquals(plain.graph().fingerprint(), headed.graph().fingerprint());
        assertArrayEquals(new int[]{10, 20}, plain.users().originalIds());
        assertArrayEquals(new int[]{1, 5, 6}, plain.anime().originalIds());
    }

    @Test
    void headerColumnsFoundByNameInAnyOrder() throws IOException {
        MalDataset d = read("Rating,ANIME_ID,user_id\n9,1,10\n-1,5,20\n", RatingOptions.defaults());
        assertArrayEquals(new int[]{10, 20}, d.users().originalIds());
        assertArrayEquals(new int[]{1, 5}, d.anime().originalIds());
    }

    @Test
    void crlfLfAndByteOrderMarkAreTheSame() throws IOException {
        String lf = "user_id,anime_id,rating\n10,1,9\n10,5,-1\n20,6,7\n";
        long expected = read(lf, RatingOptions.defaults()).graph().fingerprint();
        assertEquals(expected, read(lf.replace("\n", "\r\n"), RatingOptions.defaults()).graph().fingerprint());
        assertEquals(expected, read("\uFEFF" + lf, RatingOptions.defaults()).graph().fingerprint());
        assertEquals(expected, read("10,1,9\r\n\r\n10,5,-1\r\n20,6,7", RatingOptions.defaults()).graph().fingerprint());
    }

    @Test
    void unscoredRowsCountUnlessMinRating() throws IOException {
        String rows = "10,1,9\n10,5,-1\n20,6,7\n20,1,8\n";
        assertEquals(4, read(rows, RatingOptions.defaults()).numInteractions());
        MalDataset liked = read(rows, RatingOptions.defaults().withMinRating(8));
        assertEquals(2, liked.numInteractions());
        assertEquals(2, liked.summary().filteredByMinRating());
        assertEquals(1, liked.summary().unscored());
    }

    @Test
    void unknownAnimeAndDuplicatesAreCounted() throws IOException {
        MalDataset d = read("10,1,9\n10,99,5\n10,1,3\n20,5,-1\n20,99,-1\n20,5,7\n", RatingOptions.defaults());
        LoadSummary s = d.summary();
        assertEquals(6, s.rowsRead());
        assertEquals(2, s.droppedUnknownAnime());
        assertEquals(2, s.duplicatesMerged());
        assertEquals(2, s.kept());
        assertEquals(s.rowsRead(), s.kept() + s.skippedBad() + s.filteredByMinRating() + s.droppedUnknownAnime()
                + s.duplicatesMerged());
        assertFalse(d.anime().contains(99));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "too few fields   | 10,1,9\\n20,5\\n             | 2 | rating    | expected 3 fields",
            "too many fields  | 10,1,9\\n20,5,7,1\\n         | 2 | column 4  | found 4",
            "user not integer | 10,1,9\\n10,5,7\\nabc,5,7\\n  | 3 | user_id   | 'abc' is not an integer",
            "user negative    | 10,1,9\\n-3,5,7\\n           | 2 | user_id   | is negative",
            "empty anime      | 10,1,9\\n10,,7\\n            | 2 | anime_id  | '' is not an integer",
            "anime not int    | 10,1,9\\n10,5x,7\\n          | 2 | anime_id  | '5x' is not an integer",
            "rating 11        | 10,1,9\\n10,5,11\\n          | 2 | rating    | '11' is not a rating",
            "rating 0         | 10,1,9\\n10,5,0\\n           | 2 | rating    | '0' is not a rating",
            "rating -2        | 10,1,9\\n10,5,-2\\n          | 2 | rating    | '-2' is not a rating",
            "rating decimal   | 10,1,9\\n10,5,8.5\\n         | 2 | rating    | '8.5' is not a rating",
            "after a header   | user_id,anime_id,rating\\n10,1,9\\n10,5,x\\n | 3 | rating | 'x' is not a rating",
            "after blank line | 10,1,9\\n\\n10,5,x\\n        | 3 | rating    | 'x' is not a rating",
            "CRLF             | 10,1,9\\r\\n10,5,1\\r\\n10,6,99\\r\\n | 3 | rating | '99' is not a rating",
    })
    void malformedRowNamesFileLineAndField(String name, String content, long line, String field, String problem) {
        DataFormatException e = bad(content.replace("\\n", "\n").replace("\\r", "\r"), RatingOptions.defaults());
        assertEquals(line, e.line());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(dir.resolve("ratings.csv") + ", line " + line + ", field " + field + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void skipBadRowsCountsThem() throws IOException {
        String content = "10,1,9\n10,5\nx,5,7\n10,5,11\n20,6,7\n20,1,0\n";
        assertEquals(2, bad(content, RatingOptions.defaults()).line());
        MalDataset d = read(content, RatingOptions.defaults().withSkipBadRows(true));
        LoadSummary s = d.summary();
        assertEquals(6, s.rowsRead());
        assertEquals(4, s.skippedBad());
        assertEquals(2, s.kept());
        assertEquals(4, s.badRowExamples().size());
        assertTrue(s.badRowExamples().get(1).contains("line 3, field user_id"), s.badRowExamples().get(1));
    }

    @Test
    void emptyFile() {
        DataFormatException e = bad("", RatingOptions.defaults());
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertTrue(bad("\n\r\n", RatingOptions.defaults()).getMessage().contains("empty"));
    }

    @Test
    void headerMissingAColumn() {
        DataFormatException e = bad("user_id,anime_id,score\n10,1,9\n", RatingOptions.defaults());
        assertEquals(1, e.line());
        assertEquals("rating", e.field());
        assertTrue(e.getMessage().contains("no column 'rating'"), e.getMessage());
        assertEquals("user_id", bad("user,anime_id,rating\n10,1,9\n", RatingOptions.defaults()).field());
    }

    @Test
    void headerOnlyOrNothingLeft() {
        assertTrue(bad("user_id,anime_id,rating\n", RatingOptions.defaults()).getMessage()
                .contains("no interaction left"));
        DataFormatException unknown = bad("10,99,9\n20,98,9\n", RatingOptions.defaults());
        assertTrue(unknown.getMessage().contains("2 with an anime_id not in the catalog"), unknown.getMessage());
        DataFormatException low = bad("10,1,5\n20,5,-1\n", RatingOptions.defaults().withMinRating(8));
        assertTrue(low.getMessage().contains("2 below the minimum rating"), low.getMessage());
        assertNull(low.field());
    }

    @Test
    void minRatingIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> RatingOptions.defaults().withMinRating(0));
        assertThrows(IllegalArgumentException.class, () -> RatingOptions.defaults().withMinRating(11));
    }
}
