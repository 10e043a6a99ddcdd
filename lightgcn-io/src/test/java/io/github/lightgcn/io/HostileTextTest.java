package io.github.lightgcn.io;

import io.github.lightgcn.io.internal.TextFiles;
import io.github.lightgcn.io.mal.AnimeCatalog;
import io.github.lightgcn.io.mal.AnimeCsv;
import io.github.lightgcn.io.mal.RatingOptions;
import io.github.lightgcn.io.mal.RatingsCsv;
import io.github.lightgcn.io.split.InteractionsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every text reader against files that are legal but hostile (before: a UTF-16 file was read as garbage with NUL
 * characters in the messages, a bad header was echoed whole, a 50 MB line was read into memory whole, and control
 * characters reached the terminal in messages).
 */
class HostileTextTest {

    @TempDir
    Path dir;

    /** One reader of each format, by name. */
    private static final Map<String, Reader> READERS = new LinkedHashMap<>();

    interface Reader {
        void read(Path file) throws IOException;
    }

    static {
        READERS.put("pairs", f -> new PairFileReader().read(f));
        READERS.put("adj", f -> new AdjacencyListReader().read(f));
        READERS.put("csv pairs", f -> new CsvPairReader().read(f));
        READERS.put("split csv", InteractionsCsv::read);
        READERS.put("anime.csv", AnimeCsv::read);
        READERS.put("rating.csv", f -> RatingsCsv.read(f, AnimeCatalog.of(List.of()), RatingOptions.defaults()));
    }

    private static final String CSV = "user_id,anime_id,rating\n1,2,8\n3,4,9\n5,6,-1\n7,8,10\n";

    private DataFormatException refusedByAll(Path file) {
        DataFormatException first = null;
        for (Map.Entry<String, Reader> r : READERS.entrySet()) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> r.getValue().read(file), r.getKey());
            assertFalse(e.getMessage().contains("\0") || e.getMessage().contains("\n"), e.getMessage());
            if (first == null) first = e;
            else assertEquals(first.getMessage(), e.getMessage(), r.getKey() + " says the same");
        }
        return first;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE-BOM", "UTF-32LE-BOM", "UTF-32BE-BOM"})
    void aFileWithAByteOrderMarkOtherThanUtf8sIsNamedByItsEncoding(String encoding) throws IOException {
        byte[] bytes = switch (encoding) {
            case "UTF-16" -> CSV.getBytes(StandardCharsets.UTF_16); // big-endian with a BOM
            case "UTF-16LE-BOM" -> ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_16LE);
            case "UTF-32LE-BOM" -> ("\uFEFF" + CSV).getBytes(Charset.forName("UTF-32LE"));
            default -> ("\uFEFF" + CSV).getBytes(Charset.forName("UTF-32BE"));
        };
        Path file = Files.write(dir.resolve("ratings.csv"), bytes);
        String name = switch (encoding) {
            case "UTF-16" -> "UTF-16 (big-endian)";
            case "UTF-16LE-BOM" -> "UTF-16 (little-endian)";
            case "UTF-32LE-BOM" -> "UTF-32 (little-endian)";
            default -> "UTF-32 (big-endian)";
        };
        assertEquals(file + ": the file is " + name + " (it starts with a byte-order mark); save it as UTF-8",
                refusedByAll(file).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void aFileWithoutAByteOrderMarkIsNamedByItsNulBytes(String encoding) throws IOException {
        byte[] bytes = CSV.getBytes(Charset.forName(encoding));
        Path file = Files.write(dir.resolve("ratings.csv"), bytes);
        String name = encoding.substring(0, 6) + (encoding.endsWith("LE") ? " (little-endian)" : " (big-endian)");
        int nuls = encoding.startsWith("UTF-16") ? bytes.length / 2 : bytes.length * 3 / 4;
        assertEquals(file + ": the file looks like " + name + ": it has NUL bytes between its characters (" + nuls
                + " of its first " + bytes.length + " bytes); save it as UTF-8", refusedByAll(file).getMessage());
    }

    @Test
    void aBinaryFileFullOfNulBytesIsNotReadAsText() throws IOException {
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i += 3) bytes[i] = 0x41;
        Path file = Files.write(dir.resolve("data.bin"), bytes);
        assertEquals(file + ": the file has NUL bytes (666 of its first 1000 bytes): it is not UTF-8 text (if it is "
                + "UTF-16 or UTF-32, save it as UTF-8)", refusedByAll(file).getMessage());
    }

    @Test
    void aHugeHeaderIsEchoedShortAndEscaped() throws IOException {
        String header = "\u001B]0;owned\u0007" + "x".repeat(1_000_000);
        Path file = Files.writeString(dir.resolve("ratings.csv"), header + ",b,c\n1,2,3\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> RatingsCsv.read(file, AnimeCatalog.of(List.of()), RatingOptions.defaults()));
        assertEquals(file + ", line 1, field user_id: the header has no column 'user_id' (found: \\u001B]0;owned"
                + "\\u0007" + "x".repeat(70) + "... (1,000,014 characters); expected user_id,anime_id,rating)",
                e.getMessage());
        Path pairs = Files.writeString(dir.resolve("pairs.txt"), "1\t2\n3\t\u001B[2J" + "9".repeat(500) + "\n");
        e = assertThrows(DataFormatException.class, () -> new PairFileReader().read(pairs));
        assertEquals(pairs + ", line 2, field item (column 2): '\\u001B[2J" + "9".repeat(76) + "...' (504 characters)"
                + " is not an integer id", e.getMessage());
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedNamingIt() throws IOException {
        String line = "7\t" + "1".repeat(TextFiles.MAX_LINE_CHARS);
        Path file = Files.writeString(dir.resolve("one-line.txt"), "1\t2\n" + line + "\n");
        String tooLong = "the line is longer than 4,194,304 characters: this is not a file of this format (or its "
                + "line ends are missing)";
        for (String reader : List.of("pairs", "adj")) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> READERS.get(reader).read(file));
            assertEquals(file + ", line 2: " + tooLong, e.getMessage());
        }
        Path csv = Files.writeString(dir.resolve("one-record.csv"), "user_id,anime_id\n1,\"" + line + "\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> new CsvPairReader().read(csv));
        assertEquals(csv + ", line 2: the record is longer than 4,194,304 characters: this is not a file of this "
                + "format (or a quote is never closed)", e.getMessage());
        Path commas = Files.writeString(dir.resolve("commas.csv"), "user_id,anime_id\n" + ",".repeat(70_000));
        e = assertThrows(DataFormatException.class, () -> new CsvPairReader().read(commas));
        assertEquals(commas + ", line 2: the record has more than 65,536 fields: this is not a file of this format",
                e.getMessage());
    }

    /** The case that was an OutOfMemoryError: a 50 MB file of one line, read with a 32 MB heap, in each reader. */
    @Test
    void aFiftyMegabyteLineWithASmallHeapIsAnErrorNotAnOutOfMemoryError() throws Exception {
        Path file = dir.resolve("big.csv");
        try (var out = Files.newBufferedWriter(file)) {
            String chunk = "a".repeat(1 << 20);
            for (int i = 0; i < 50; i++) out.write(chunk);
            out.write("\n");
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), ReadChild.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of("pairs: line 1", "adj: line 1", "csv pairs: line 1", "split csv: line 1",
                "anime.csv: line 1", "rating.csv: line 1"), output.lines().toList());
    }

    /** Reads the file with each reader in a small heap and prints where each one stopped. */
    public static final class ReadChild {
        public static void main(String[] args) {
            Path file = Path.of(args[0]);
            for (Map.Entry<String, Reader> r : READERS.entrySet()) {
                try {
                    r.getValue().read(file);
                    System.out.println(r.getKey() + ": read");
                } catch (DataFormatException e) {
                    System.out.println(r.getKey() + ": line " + e.line());
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                    System.out.println(r.getKey() + ": " + e);
                }
            }
        }
    }
}
