package io.github.lightgcn.io.internal;

import io.github.lightgcn.io.DataFormatException;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a text file for the readers: UTF-8 with malformed bytes replaced by U+FFFD (so a stray byte becomes a bad
 * field with a line number, not a decoding exception without one) and a leading byte-order mark removed. Line
 * ends may be LF, CRLF or CR.
 *
 * <p>A file in UTF-16 or UTF-32 would decode as garbage with NUL characters in it; it is refused in one line that
 * names the encoding: when it starts with a UTF-16 or UTF-32 byte-order mark, or when NUL bytes make up at least
 * {@code 1/}{@value #NUL_SHARE} of its first {@value #SAMPLE} bytes, and at least {@value #MIN_NULS} (UTF-16 text
 * of Latin script is half NUL bytes; a UTF-8 text file has none). A folder is refused naming it.
 */
public final class TextFiles {

    /** The longest line (or CSV record) the readers accept, in characters: longer means a wrong file. */
    public static final int MAX_LINE_CHARS = 1 << 22;

    static final int SAMPLE = 4096;
    static final int NUL_SHARE = 8;
    /** Fewer NUL bytes than this are left to the readers: a stray one is a bad field with a line number. */
    static final int MIN_NULS = 8;

    private TextFiles() {}

    /**
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws DataFormatException               when the file is UTF-16 or UTF-32, or otherwise full of NUL bytes
     */
    public static BufferedReader open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new DataFormatException(file, "this is a folder, not a file");
        InputStream bytes = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        BufferedReader reader = null;
        try {
            bytes.mark(SAMPLE);
            byte[] head = bytes.readNBytes(SAMPLE);
            bytes.reset();
            String problem = encodingProblem(head);
            if (problem != null) throw new DataFormatException(file, problem);
            reader = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16);
            reader.mark(1);
            if (reader.read() != '\uFEFF') reader.reset();
            return reader;
        } catch (IOException | RuntimeException e) {
            (reader != null ? reader : bytes).close();
            throw e;
        }
    }

    /** A file's lines, each at most {@link #MAX_LINE_CHARS} long ({@link Lines}). */
    public static Lines lines(Path file) throws IOException {
        return new Lines(file, open(file));
    }

    /** Why the first bytes of a file say it is not UTF-8 text, or null when they do not. */
    static String encodingProblem(byte[] head) {
        int n = head.length;
        if (n >= 4 && u(head[0]) == 0xFF && u(head[1]) == 0xFE && head[2] == 0 && head[3] == 0) {
            return bom("UTF-32 (little-endian)");
        }
        if (n >= 4 && head[0] == 0 && head[1] == 0 && u(head[2]) == 0xFE && u(head[3]) == 0xFF) {
            return bom("UTF-32 (big-endian)");
        }
        if (n >= 2 && u(head[0]) == 0xFF && u(head[1]) == 0xFE) return bom("UTF-16 (little-endian)");
        if (n >= 2 && u(head[0]) == 0xFE && u(head[1]) == 0xFF) return bom("UTF-16 (big-endian)");
        int[] nulAt = new int[4]; // NUL bytes by position modulo 4
        int nuls = 0;
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                nulAt[i & 3]++;
                nuls++;
            }
        }
        if (nuls < MIN_NULS || (long) nuls * NUL_SHARE < n) return null;
        String where = "it has NUL bytes between its characters (" + nuls + " of its first " + n + " bytes)";
        int even = nulAt[0] + nulAt[2], odd = nulAt[1] + nulAt[3];
        if (nuls > n / 2 && nulAt[0] == 0 && nulAt[1] > 0 && nulAt[2] > 0 && nulAt[3] > 0) {
            return guess("UTF-32 (little-endian)", where); // c 0 0 0
        }
        if (nuls > n / 2 && nulAt[3] == 0 && nulAt[0] > 0 && nulAt[1] > 0 && nulAt[2] > 0) {
            return guess("UTF-32 (big-endian)", where);    // 0 0 0 c
        }
        if (odd > 8L * even) return guess("UTF-16 (little-endian)", where); // c 0
        if (even > 8L * odd) return guess("UTF-16 (big-endian)", where);    // 0 c
        return "the file has NUL bytes (" + nuls + " of its first " + n + " bytes): it is not UTF-8 text (if it is"
                + " UTF-16 or UTF-32, save it as UTF-8)";
    }

    private static String bom(String encoding) {
        return "the file is " + encoding + " (it starts with a byte-order mark); save it as UTF-8";
    }

    private static String guess(String encoding, String why) {
        return "the file looks like " + encoding + ": " + why + "; save it as UTF-8";
    }

    private static int u(byte b) { return b & 0xFF; }
}
