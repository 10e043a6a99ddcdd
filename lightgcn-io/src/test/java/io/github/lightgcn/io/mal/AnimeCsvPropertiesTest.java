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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The anime.csv reader fed 10,000 generated and mutated catalogs (quoted genre lists, HTML entities, empty and
 * Unknown fields, CRLF/LF, BOMs, truncations, stray quotes and commas, repeated ids, missing columns, random
 * bytes). Each must load what a small independent RFC 4180 parser with the documented field rules reads, or fail
 * with a {@link DataFormatException} naming the file and the same line; never another exception.
 */
class AnimeCsvPropertiesTest {

    static Path dir;

    @BeforeContainer
    static void setUp() throws IOException { dir = Files.createTempDirectory("lightgcn-anime"); }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    record Input(long seed, int mutations) {}

    @Provide
    Arbitrary<Input> inputs() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 3)).as(Input::new);
    }

    private static final String[] NAMES = {"Cowboy Bebop", "Gintama&#039;", "Kimi no Na wa.", "Steins;Gate",
            "&quot;Bungaku Shoujo&quot;", "Tom &amp; Jerry", "Rin x Sen -&gt; Sem"};
    private static final String[] GENRES = {"Action", "Comedy", "Drama", "Sci-Fi", "Slice of Life"};
    private static final TextMutator MUTATOR = new TextMutator("0123456789\",;.&#x -\n\r\t\uFEFFUnknown",
            new String[]{"99999999999", "-3", "11", "NaN", "1e5"}, new String[]{"\r\n", "\n"});

    static String nl(Random r) { return MUTATOR.newline(r); }

    static String valid(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(5) == 0) sb.append('\uFEFF');
        sb.append("anime_id,name,genre,type,episodes,rating,members").append(nl(r));
        int rows = r.nextInt(8);
        for (int k = 0; k < rows; k++) {
            sb.append(1 + r.nextInt(30)).append(',');
            String name = NAMES[r.nextInt(NAMES.length)];
            sb.append(name.contains(",") || r.nextInt(4) == 0 ? "\"" + name + "\"" : name).append(',');
            int g = r.nextInt(4);
            List<String> gs = new ArrayList<>();
            for (int i = 0; i < g; i++) gs.add(GENRES[r.nextInt(GENRES.length)]);
            String genre = String.join(", ", gs);
            sb.append(gs.size() > 1 ? "\"" + genre + "\"" : genre).append(',');
            sb.append(new String[]{"TV", "Movie", "OVA", ""}[r.nextInt(4)]).append(',');
            sb.append(r.nextInt(5) == 0 ? "Unknown" : Integer.toString(1 + r.nextInt(100))).append(',');
            sb.append(r.nextInt(5) == 0 ? "" : String.format(Locale.ROOT, "%.2f", r.nextDouble() * 10)).append(',');
            sb.append(r.nextInt(100000)).append(nl(r));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ oracle

    /** A record and the physical line it starts on. */
    record Rec(List<String> fields, long line) {}

    /** RFC 4180 as Commons CSV reads it (no trimming; empty lines skipped); null when the syntax is broken. */
    static List<Rec> parse(String text) {
        List<Rec> out = new ArrayList<>();
        int n = text.length(), p = 0;
        long line = 1;
        while (p < n) {
            char c0 = text.charAt(p);
            if (c0 == '\n' || c0 == '\r') { // an empty line
                p += (c0 == '\r' && p + 1 < n && text.charAt(p + 1) == '\n') ? 2 : 1;
                line++;
                continue;
            }
            long start = line;
            List<String> fields = new ArrayList<>();
            while (true) {
                StringBuilder f = new StringBuilder();
                if (p < n && text.charAt(p) == '"') { // quoted field
                    p++;
                    while (true) {
                        if (p >= n) return null; // EOF inside quotes
                        char c = text.charAt(p);
                        if (c == '"') {
                            if (p + 1 < n && text.charAt(p + 1) == '"') {
                                f.append('"');
                                p += 2;
                            } else {
                                p++;
                                break;
                            }
                        } else {
                            if (c == '\n' || (c == '\r' && !(p + 1 < n && text.charAt(p + 1) == '\n'))) line++;
                            f.append(c);
                            p++;
                        }
                    }
                    if (p < n && text.charAt(p) != ',' && text.charAt(p) != '\n' && text.charAt(p) != '\r') return null;
                } else {
                    while (p < n && text.charAt(p) != ',' && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
                        f.append(text.charAt(p++));
                    }
                }
                fields.add(f.toString());
                if (p < n && text.charAt(p) == ',') {
                    p++;
                    continue;
                }
                break;
            }
            if (p < n) { // end of line
                p += (text.charAt(p) == '\r' && p + 1 < n && text.charAt(p + 1) == '\n') ? 2 : 1;
                line++;
            }
            out.add(new Rec(fields, start));
        }
        return out;
    }

    /** Outcome: the anime read (id → {name or null if it has '&', genres, type, episodes, rating, members}). */
    record Outcome(Map<Integer, List<String>> anime, long errorLine) {}

    static Long integer(String s) {
        String t = s.strip();
        if (!t.matches("[-+]?[0-9]+") || t.replaceAll("^[-+]?0*", "").length() > 10) return null;
        return Long.parseLong(t);
    }

    static Outcome oracle(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\uFFFD') >= 0) return null; // invalid UTF-8 bytes: only the exception type is checked
        List<Rec> recs = parse(text);
        if (recs == null) return null; // broken quoting: only the exception type is checked
        if (recs.isEmpty()) return new Outcome(null, 0);
        List<String> header = new ArrayList<>();
        for (String h : recs.get(0).fields()) header.add(h.strip().toLowerCase(Locale.ROOT));
        int[] col = new int[AnimeCsv.COLUMNS.size()];
        for (int c = 0; c < col.length; c++) {
            col[c] = header.indexOf(AnimeCsv.COLUMNS.get(c));
            if (col[c] < 0) return new Outcome(null, recs.get(0).line()); // the header's line
        }
        Map<Integer, List<String>> anime = new HashMap<>();
        for (int k = 1; k < recs.size(); k++) {
            Rec rec = recs.get(k);
            List<String> f = rec.fields();
            if (f.size() != header.size()) return new Outcome(null, rec.line());
            Long id = integer(f.get(col[0]));
            if (id == null || id < 0 || id > Integer.MAX_VALUE || anime.containsKey(id.intValue())) {
                return new Outcome(null, rec.line());
            }
            String name = f.get(col[1]);
            if (name.isBlank()) return new Outcome(null, rec.line());
            List<String> genres = new ArrayList<>();
            for (String g : f.get(col[2]).split(",")) if (!g.strip().isEmpty()) genres.add(g.strip());
            String episodes = f.get(col[4]).strip();
            if (!episodes.isEmpty() && !episodes.equalsIgnoreCase("Unknown")) {
                Long e = integer(episodes);
                if (e == null || e < 0 || e > Integer.MAX_VALUE) return new Outcome(null, rec.line());
                episodes = Long.toString(e);
            } else {
                episodes = "";
            }
            String rating = f.get(col[5]).strip();
            if (!rating.isEmpty()) {
                double v;
                try {
                    v = Double.parseDouble(rating);
                } catch (NumberFormatException e) {
                    return new Outcome(null, rec.line());
                }
                if (!(v >= 0 && v <= 10)) return new Outcome(null, rec.line());
                rating = Double.toString(v);
            }
            String members = f.get(col[6]).strip();
            if (!members.isEmpty()) {
                Long m = integer(members);
                if (m == null || m < 0 || m > Integer.MAX_VALUE) return new Outcome(null, rec.line());
                members = Long.toString(m);
            }
            anime.put(id.intValue(), List.of(name.contains("&") ? "?" : name.strip(), String.join("|", genres),
                    f.get(col[3]).strip(), episodes, rating, members));
        }
        return new Outcome(anime, -1);
    }

    @Property(tries = 10_000)
    void animeFilesLoadAsTheOracleSaysOrFailWithALine(@ForAll("inputs") Input in) throws IOException {
        Random r = new Random(in.seed());
        byte[] bytes = MUTATOR.fileBytes(r, in.mutations(), valid(r));
        Path file = dir.resolve("anime.csv");
        Files.write(file, bytes);
        Outcome expected = oracle(bytes);
        AnimeCatalog got;
        try {
            got = AnimeCsv.read(file);
        } catch (DataFormatException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            if (expected == null) return;
            assertNull(expected.anime(), "the reader rejected what the oracle reads: " + e.getMessage());
            assertEquals(expected.errorLine(), e.line(), "error line; reader says: " + e.getMessage());
            return;
        }
        if (expected == null) return;
        assertNotNull(expected.anime(), "the reader accepted what the oracle rejects at line " + expected.errorLine());
        assertEquals(expected.anime().size(), got.size());
        for (Anime a : got.all()) {
            List<String> want = expected.anime().get(a.id());
            assertNotNull(want, "unexpected id " + a.id());
            if (!want.get(0).equals("?")) assertEquals(want.get(0), a.name(), "name of " + a.id());
            assertEquals(want.get(1), String.join("|", a.genres()), "genres of " + a.id());
            assertEquals(want.get(2), a.type().orElse(""), "type of " + a.id());
            assertEquals(want.get(3), a.episodes().isPresent() ? Integer.toString(a.episodes().getAsInt()) : "");
            assertEquals(want.get(4), a.rating().isPresent() ? Double.toString(a.rating().getAsDouble()) : "");
            assertEquals(want.get(5), a.members().isPresent() ? Integer.toString(a.members().getAsInt()) : "");
        }
    }
}
