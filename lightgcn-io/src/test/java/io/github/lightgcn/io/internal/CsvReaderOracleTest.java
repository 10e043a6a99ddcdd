package io.github.lightgcn.io.internal;

import io.github.lightgcn.io.DataFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CsvReader} against Commons CSV (RFC 4180, empty lines ignored: the parser the io module used before) on
 * 10,000 random texts made of the characters that matter (commas, quotes, blanks after closing quotes, CR, LF,
 * CRLF, other whitespace, byte order marks, non-ASCII): the same records with the same fields, each starting on
 * the same line, or both rejecting the text, at the line Commons CSV names in its message.
 */
class CsvReaderOracleTest {

    static Path dir;

    @BeforeContainer
    static void setUp() throws IOException { dir = Files.createTempDirectory("lightgcn-csv"); }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final String[] PIECES = {"a", "12", ",", ",", "\"", "\"", "\"\"", " ", "\t", "\n", "\r", "\r\n",
            "\u2028", "\u000B", "\u00A0", "\uFEFF", "é", "x y", "\"q,\r\nr\"", "\"s\" ", "\"t\"\t,"};

    @Provide
    Arbitrary<Long> seeds() { return Arbitraries.longs(); }

    static String text(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(25);
        for (int i = 0; i < n; i++) sb.append(PIECES[r.nextInt(PIECES.length)]);
        return sb.toString();
    }

    /** A record as Commons CSV reads it: the fields and its start line (its end line less the breaks inside). */
    record Rec(List<String> fields, long line) {}

    /** The records, or null with the error line in {@code errorLine[0]}. */
    static List<Rec> commons(String text, long[] errorLine) {
        List<Rec> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(COMMONS).get()) {
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                for (String value : record) line -= breaks(value);
                out.add(new Rec(record.toList(), Math.max(1, line)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errorLine[0] = lineIn(e);
            return null;
        }
        return out;
    }

    private static final Pattern LINE = Pattern.compile("(?:startline |line: )([0-9,]+)");

    static long lineIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = LINE.matcher(String.valueOf(t.getMessage()));
            if (m.find()) return Long.parseLong(m.group(1).replace(",", ""));
        }
        throw new AssertionError("no line in " + e, e);
    }

    static int breaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) n++;
        }
        return n;
    }

    @Property(tries = 10_000)
    void readsWhatCommonsCsvReads(@ForAll("seeds") long seed) throws IOException {
        String text = text(new Random(seed));
        Path file = dir.resolve("t.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text; // both readers skip a leading BOM
        long[] errorLine = {0};
        List<Rec> expected = commons(withoutBom, errorLine);
        List<Rec> got = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file)) {
            while (csv.next()) got.add(new Rec(csv.values(), csv.line()));
        } catch (DataFormatException e) {
            assertNull(expected, "rejected what Commons CSV reads: " + e.getMessage());
            assertEquals(errorLine[0], e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith(file + ", line " + e.line() + ": not valid CSV: "), e.getMessage());
            return;
        }
        assertNotNull(expected, "read what Commons CSV rejects at line " + errorLine[0]);
        assertEquals(expected, got);
    }
}
