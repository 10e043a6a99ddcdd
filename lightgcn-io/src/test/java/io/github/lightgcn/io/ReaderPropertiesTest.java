package io.github.lightgcn.io;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pair and train.txt readers fed 10,000 generated and mutated files each (truncations, stray characters,
 * wrong column counts, huge and negative ids, empty files, random bytes, BOMs, mixed line endings, repeated
 * headers). Each input must either load exactly what a simple independent parser of the documented format
 * reads, or fail with a {@link DataFormatException} naming the file (and the same line as the oracle); never any
 * other exception.
 */
class ReaderPropertiesTest {

    static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException { dir = Files.createTempDirectory("lightgcn-readers"); }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    // ------------------------------------------------------------------------------------------ inputs

    /** A seed for one input: how to build a valid file, then how many mutations to apply. */
    record Input(long seed, int mutations, int indexBase, int bound) {}

    @Provide
    Arbitrary<Input> inputs() {
        return net.jqwik.api.Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 1), Arbitraries.of(0, 0, 50)).as(Input::new);
    }

    private static final TextMutator MUTATOR = new TextMutator("0123456789-+.,\t xe\n\r\uFEFF\u00e9\u2003\u0000#",
            new String[]{"99999999999", "2147483648", "-1", "100000000", "0"}, new String[]{"\n", "\r\n", "\r"});

    static String validPairs(Random r, int indexBase) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) sb.append('\uFEFF');
        String sep = new String[]{"\t", ",", " ", "  ", ", "}[r.nextInt(5)];
        boolean extra = r.nextBoolean();
        if (r.nextInt(3) == 0) sb.append("user").append(sep).append("item").append(extra ? sep + "w" : "").append(nl(r));
        int lines = r.nextInt(12);
        for (int l = 0; l < lines; l++) {
            sb.append(indexBase + r.nextInt(40)).append(sep).append(indexBase + r.nextInt(40));
            if (extra) sb.append(sep).append(r.nextInt(1000));
            sb.append(nl(r));
            if (r.nextInt(10) == 0) sb.append(nl(r)); // blank line
        }
        return sb.toString();
    }

    static String validAdjacency(Random r, int indexBase) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(6) == 0) sb.append('\uFEFF');
        int lines = r.nextInt(8);
        for (int l = 0; l < lines; l++) {
            sb.append(indexBase + l);
            int items = r.nextInt(6);
            for (int k = 0; k < items; k++) sb.append(r.nextBoolean() ? " " : "\t").append(indexBase + r.nextInt(45));
            sb.append(nl(r));
        }
        return sb.toString();
    }

    static String nl(Random r) { return MUTATOR.newline(r); }

    // ------------------------------------------------------------------------------------------ oracle

    /** The outcome of the oracle: the pairs read, or the 1-based line of the first error (0: whole file). */
    record Outcome(List<long[]> pairs, long errorLine) {
        static Outcome error(long line) { return new Outcome(null, line); }
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern ID = Pattern.compile("-?[0-9]{1,12}");
    private static final String BLANKS = "[ \t\f\u000B]+";

    static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<String> out = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    /** An id under the documented rules, or null when the line must fail. */
    static Long id(String token, int base, int bound) {
        if (!ID.matcher(token).matches()) return null;
        long raw = Long.parseLong(token);
        if (raw > Integer.MAX_VALUE || raw < -Integer.MAX_VALUE) return null;
        long id = raw - base;
        if (id < 0 || (bound > 0 && id >= bound) || (bound == 0 && id > 99_999_999)) return null;
        return id;
    }

    static String[] splitOn(String line, String sep) {
        String[] parts = line.split(Pattern.quote(sep), -1);
        for (int k = 0; k < parts.length; k++) parts[k] = parts[k].strip();
        return parts;
    }

    static String[] splitBlanks(String line) {
        String t = line.replaceAll("^" + BLANKS, "");
        return t.isEmpty() ? new String[0] : t.split(BLANKS);
    }

    static Outcome oraclePairs(byte[] bytes, int base, int bound) {
        List<String> lines = lines(bytes);
        List<long[]> pairs = new ArrayList<>();
        String sep = null;
        int columns = 0;
        boolean first = true;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) continue;
            String lineSep = line.contains("\t") ? "\t" : line.contains(",") ? "," : null;
            if (first) {
                first = false;
                String[] head = lineSep == null ? splitBlanks(line) : splitOn(line, lineSep);
                if (!NUMBER.matcher(head[0]).matches()) continue; // header
            }
            if (columns == 0) {
                sep = lineSep == null ? " " : lineSep;
                columns = (sep.equals(" ") ? splitBlanks(line) : splitOn(line, sep)).length;
                if (columns < 2) return Outcome.error(n + 1);
            }
            String[] f = sep.equals(" ") ? splitBlanks(line) : splitOn(line, sep);
            if (f.length != columns) return Outcome.error(n + 1);
            Long u = id(f[0], base, bound), i = id(f[1], base, bound);
            if (u == null || i == null) return Outcome.error(n + 1);
            pairs.add(new long[]{u, i});
        }
        return pairs.isEmpty() ? Outcome.error(0) : new Outcome(pairs, -1);
    }

    static Outcome oracleAdjacency(byte[] bytes, int base, int bound) {
        List<String> lines = lines(bytes);
        List<long[]> pairs = new ArrayList<>();
        int users = 0;
        for (int n = 0; n < lines.size(); n++) {
            String[] t = splitBlanks(lines.get(n));
            if (t.length == 0) continue;
            users++;
            Long u = id(t[0], base, bound);
            if (u == null) return Outcome.error(n + 1);
            for (int c = 1; c < t.length; c++) {
                Long i = id(t[c], base, bound);
                if (i == null) return Outcome.error(n + 1);
                pairs.add(new long[]{u, i});
            }
        }
        return users == 0 ? Outcome.error(0) : new Outcome(pairs, -1);
    }

    // ------------------------------------------------------------------------------------------ properties

    interface Reader { EdgeList read(Path file) throws IOException; }

    static void check(byte[] bytes, Outcome expected, Reader reader, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        EdgeList got;
        try {
            got = reader.read(file);
        } catch (DataFormatException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertNull(expected.pairs(), "the reader rejected what the oracle reads: " + e.getMessage());
            assertEquals(expected.errorLine(), e.line(), "error line; reader says: " + e.getMessage());
            if (e.line() > 0) assertTrue(e.getMessage().contains("line " + e.line()), e.getMessage());
            return;
        }
        assertNotNull(expected.pairs(), "the reader accepted what the oracle rejects at line " + expected.errorLine());
        assertEquals(expected.pairs().size(), got.size());
        for (int p = 0; p < got.size(); p++) {
            assertEquals(expected.pairs().get(p)[0], got.user(p), "user of pair " + p);
            assertEquals(expected.pairs().get(p)[1], got.item(p), "item of pair " + p);
        }
    }

    @Property(tries = 10_000)
    void pairFilesLoadAsTheOracleSaysOrFailWithALine(@ForAll("inputs") Input in) throws IOException {
        Random r = new Random(in.seed());
        byte[] bytes = MUTATOR.fileBytes(r, in.mutations(), validPairs(r, in.indexBase()));
        check(bytes, oraclePairs(bytes, in.indexBase(), in.bound()),
                f -> new PairFileReader(in.indexBase(), in.bound(), in.bound()).read(f), "pairs.txt");
    }

    @Property(tries = 10_000)
    void adjacencyFilesLoadAsTheOracleSaysOrFailWithALine(@ForAll("inputs") Input in) throws IOException {
        Random r = new Random(in.seed());
        byte[] bytes = MUTATOR.fileBytes(r, in.mutations(), validAdjacency(r, in.indexBase()));
        check(bytes, oracleAdjacency(bytes, in.indexBase(), in.bound()),
                f -> new AdjacencyListReader(in.indexBase(), in.bound(), in.bound()).read(f), "train.txt");
    }
}
