package io.github.lightgcn.io.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link CsvWriter} against Commons CSV's RFC 4180 printer (what wrote {@code anime.csv} before) on 10,000 random
 * records of awkward fields (empty, leading and trailing blanks, quotes, commas, line breaks, {@code #}, control and
 * non-ASCII characters): the same bytes, and {@link CsvReader} reads the records back as they were.
 */
class CsvWriterOracleTest {

    static Path dir;

    @BeforeContainer
    static void setUp() throws IOException { dir = Files.createTempDirectory("lightgcn-csvw"); }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    private static final String CHARS = "ab1 ,\"\r\n#!\t\u0001-~é☆";

    @Provide
    Arbitrary<Long> seeds() { return Arbitraries.longs(); }

    @Property(tries = 10_000)
    void writesWhatCommonsCsvWrites(@ForAll("seeds") long seed) throws IOException {
        Random r = new Random(seed);
        List<List<String>> records = new ArrayList<>();
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            List<String> fields = new ArrayList<>();
            for (int f = 1 + r.nextInt(4); f > 0; f--) {
                StringBuilder sb = new StringBuilder();
                for (int n = r.nextInt(5); n > 0; n--) sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
                fields.add(sb.toString());
            }
            records.add(fields);
        }
        StringWriter expected = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.print(expected)) {
            for (List<String> fields : records) printer.printRecord(fields);
        }
        Path file = dir.resolve("w.csv");
        try (CsvWriter out = new CsvWriter(file, "\r\n")) {
            for (List<String> fields : records) out.record(fields);
        }
        assertEquals(expected.toString(), Files.readString(file, StandardCharsets.UTF_8));
        List<List<String>> back = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file)) {
            while (csv.next()) back.add(csv.values());
        }
        assertEquals(records, back);
    }
}
