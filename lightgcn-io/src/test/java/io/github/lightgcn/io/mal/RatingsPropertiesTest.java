package io.github.lightgcn.io.mal;

import io.github.lightgcn.io.DataFormatException;
import io.github.lightgcn.io.TextMutator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The MAL rating reader fed 10,000 generated and mutated files (header or none, CRLF/LF/CR, BOMs, truncated
 * rows, wrong field counts, non-numeric and huge ids, ratings out of range, repeated headers, empty files, random
 * bytes), with and without skipping bad rows. Each must load exactly what a simple independent parser of the
 * documented rules reads (same pairs, same counts), or fail with a {@link DataFormatException} naming the file and
 * the same line; never another exception. Inputs holding a double quote (possible only in random bytes) are
 * RFC 4180 quoting, which the simple parser does not model: for them only the exception type is checked.
 */
class RatingsPropertiesTest {

    static Path dir;
    static AnimeCatalog catalog;

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("lightgcn-ratings");
        List<Anime> anime = new ArrayList<>();
        for (int id = 1; id <= 30; id++) { // ratings use ids up to 40: some are unknown to the catalog
            anime.add(new Anime(id, "Anime " + id, List.of("Comedy"), Optional.of("TV"), OptionalInt.of(12),
                    OptionalDouble.of(7.5), OptionalInt.of(1000)));
        }
        catalog = AnimeCatalog.of(anime);
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    record Input(long seed, int mutations, boolean skipBadRows) {}

    @Provide
    Arbitrary<Input> inputs() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 4), Arbitraries.of(false, true))
                .as(Input::new);
    }

    private static final TextMutator MUTATOR = new TextMutator("0123456789-+,\t xa\n\r\uFEFF\u00e9\u0000",
            new String[]{"99999999999", "0", "11", "-2", "2147483648", "user_id,anime_id,rating\n"},
            new String[]{"\n", "\r\n", "\r"});

    static String nl(Random r) { return MUTATOR.newline(r); }

    static String valid(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(5) == 0) sb.append('\uFEFF');
        if (r.nextBoolean()) sb.append("user_id,anime_id,rating").append(nl(r));
        int rows = r.nextInt(12);
        for (int k = 0; k < rows; k++) {
            int rating = r.nextInt(4) == 0 ? -1 : 1 + r.nextInt(10);
            sb.append(70000 + r.nextInt(5)).append(',').append(1 + r.nextInt(40)).append(',').append(rating).append(nl(r));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ oracle

    record Outcome(TreeSet<Long> pairs, long rows, long unknown, long unscored, long bad, long errorLine) {}

    private static final Pattern INT = Pattern.compile("[-+]?[0-9]{1,10}");

    /** The documented integer rule: surrounding blanks (chars up to ' ') allowed, fits an int; else null. */
    static Long integer(String field) {
        int from = 0, to = field.length();
        while (from < to && field.charAt(from) <= ' ') from++;
        while (to > from && field.charAt(to - 1) <= ' ') to--;
        String t = field.substring(from, to);
        if (!INT.matcher(t).matches()) return null;
        long v = Long.parseLong(t);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v;
    }

    static Outcome oracle(byte[] bytes, boolean skip) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r\n|\r|\n", -1);
        TreeSet<Long> pairs = new TreeSet<>();
        long rows = 0, unknown = 0, unscored = 0, bad = 0;
        int columns = 3, userCol = 0, animeCol = 1, ratingCol = 2;
        boolean first = true;
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isEmpty()) continue;
            String[] f = lines[n].split(",", -1);
            if (first) {
                first = false;
                boolean header = true;
                for (String v : f) if (integer(v) != null) header = false;
                if (header) {
                    List<String> names = new ArrayList<>();
                    for (String v : f) names.add(v.strip().toLowerCase(java.util.Locale.ROOT));
                    userCol = names.indexOf("user_id");
                    animeCol = names.indexOf("anime_id");
                    ratingCol = names.indexOf("rating");
                    if (userCol < 0 || animeCol < 0 || ratingCol < 0) return new Outcome(null, 0, 0, 0, 0, n + 1);
                    columns = f.length;
                    continue;
                }
            }
            rows++;
            Long u = f.length == columns ? integer(f[userCol]) : null;
            Long a = f.length == columns ? integer(f[animeCol]) : null;
            Long rating = f.length == columns ? integer(f[ratingCol]) : null;
            boolean ok = u != null && u >= 0 && a != null && a >= 0 && rating != null
                    && (rating == -1 || (rating >= 1 && rating <= 10));
            if (!ok) {
                if (!skip) return new Outcome(null, 0, 0, 0, 0, n + 1);
                bad++;
                continue;
            }
            if (rating == -1) unscored++;
            if (a > 30 || a < 1) unknown++;
            else pairs.add(u * 100 + a);
        }
        if (first) return new Outcome(null, 0, 0, 0, 0, 0); // empty file
        if (pairs.isEmpty()) return new Outcome(null, 0, 0, 0, 0, 0);
        return new Outcome(pairs, rows, unknown, unscored, bad, -1);
    }

    @Property(tries = 10_000)
    void ratingFilesLoadAsTheOracleSaysOrFailWithALine(@ForAll("inputs") Input in) throws IOException {
        Random r = new Random(in.seed());
        byte[] bytes = MUTATOR.fileBytes(r, in.mutations(), valid(r));
        boolean quoted = new String(bytes, StandardCharsets.UTF_8).indexOf('"') >= 0;
        Path file = dir.resolve("ratings.csv");
        Files.write(file, bytes);
        RatingOptions options = RatingOptions.defaults().withSkipBadRows(in.skipBadRows());
        Outcome expected = oracle(bytes, in.skipBadRows());
        MalDataset got;
        try {
            got = RatingsCsv.read(file, catalog, options);
        } catch (DataFormatException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            if (quoted) return;
            assertNull(expected.pairs(), "the reader rejected what the oracle reads: " + e.getMessage());
            assertEquals(expected.errorLine(), e.line(), "error line; reader says: " + e.getMessage());
            return;
        }
        if (quoted) return;
        assertNotNull(expected.pairs(), "the reader accepted what the oracle rejects at line " + expected.errorLine());
        TreeSet<Long> pairs = new TreeSet<>();
        var g = got.graph();
        for (int u = 0; u < g.numUsers(); u++) {
            for (int a : g.itemsOf(u)) pairs.add((long) got.users().originalId(u) * 100 + got.anime().originalId(a));
        }
        assertEquals(expected.pairs(), pairs);
        LoadSummary s = got.summary();
        assertEquals(expected.rows(), s.rowsRead(), "rows read");
        assertEquals(expected.unknown(), s.droppedUnknownAnime(), "unknown anime");
        assertEquals(expected.unscored(), s.unscored(), "unscored (-1) rows");
        assertEquals(expected.bad(), s.skippedBad(), "bad rows skipped");
    }
}
