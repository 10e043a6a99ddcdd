package io.github.lightgcn.io.internal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the CSV layer against Commons CSV, which it replaced, on the real MAL files, in one run: both parse every
 * record and hand out every field and the record's start line (Commons CSV the way the old readers did: its
 * iterator, then the end line less the line breaks inside the fields). Rounds alternate between the two; the
 * minimum and median over the rounds are printed, with the ratio of the medians.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -o -q test-compile -pl lightgcn-io -am
 * mvn -B -o -q dependency:build-classpath -pl lightgcn-io -Dmdep.outputFile=/tmp/io.cp
 * java -cp lightgcn-io/target/test-classes:lightgcn-io/target/classes:lightgcn-core/target/classes:$(cat /tmp/io.cp) \
 *     io.github.lightgcn.io.internal.CsvReadTiming ../shared/data/mal/anime.csv ../shared/data/mal/rating_tail.csv
 * </pre>
 */
public final class CsvReadTiming {

    private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final int ROUNDS = 41;

    private CsvReadTiming() {}

    public static void main(String[] args) throws IOException {
        for (String name : args) {
            Path file = Path.of(name);
            long expected = ours(file);
            if (commons(file) != expected) throw new AssertionError("the two parsers disagree on " + file);
            double[] ours = new double[ROUNDS], commons = new double[ROUNDS];
            for (int warm = 0; warm < 20; warm++) {
                ours(file);
                commons(file);
            }
            for (int r = 0; r < ROUNDS; r++) {
                commons[r] = time(() -> commons(file));
                ours[r] = time(() -> ours(file));
            }
            Arrays.sort(ours);
            Arrays.sort(commons);
            System.out.printf(Locale.ROOT, "%s: CsvReader %.2f ms (min %.2f), Commons CSV %.2f ms (min %.2f);"
                            + " CsvReader takes %.2f x the time of Commons CSV%n", file, ours[ROUNDS / 2], ours[0],
                    commons[ROUNDS / 2], commons[0], ours[ROUNDS / 2] / commons[ROUNDS / 2]);
        }
    }

    private interface Parse {
        long run() throws IOException;
    }

    private static double time(Parse parse) throws IOException {
        long start = System.nanoTime();
        long sink = parse.run();
        double ms = (System.nanoTime() - start) / 1e6;
        if (sink == 42) System.out.print(""); // keeps the result alive
        return ms;
    }

    /** A checksum of every field length and record line, so neither parser's work can be skipped. */
    private static long ours(Path file) throws IOException {
        long sum = 0;
        try (CsvReader csv = CsvReader.open(file)) {
            while (csv.next()) {
                sum += csv.line();
                for (int i = 0; i < csv.size(); i++) sum += csv.get(i).length();
            }
        }
        return sum;
    }

    private static long commons(Path file) throws IOException {
        long sum = 0;
        try (BufferedReader reader = TextFiles.open(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(COMMONS).get()) {
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                for (String value : record) {
                    line -= CsvReaderOracleTest.breaks(value);
                    sum += value.length();
                }
                sum += Math.max(1, line);
            }
        }
        return sum;
    }
}
