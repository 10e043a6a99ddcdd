package io.github.lightgcn.io.internal;

import io.github.lightgcn.io.DataFormatException;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Lines} splits text as {@link BufferedReader#readLine()} does, and bounds the length of a line. */
class LinesTest {

    private static List<String> lines(String text, int max) throws IOException {
        List<String> out = new ArrayList<>();
        try (Lines lines = new Lines(Path.of("t.txt"), new StringReader(text), max)) {
            for (String line; (line = lines.next()) != null; ) {
                out.add(line);
                assertEquals(out.size(), lines.number());
            }
        }
        return out;
    }

    private static List<String> oracle(String text) throws IOException {
        return new BufferedReader(new StringReader(text)).lines().toList();
    }

    @Test
    void splitsAsReadLineOnRandomTextAcrossBufferBoundaries() throws IOException {
        Random r = new Random(17);
        String alphabet = "ab\n\r\r\n ";
        for (int trial = 0; trial < 300; trial++) {
            int length = trial < 100 ? r.nextInt(40) : (1 << 16) - 5 + r.nextInt(10) + r.nextInt(3) * (1 << 16);
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            if (trial % 7 == 0 && length > 2) sb.setCharAt(length / 2, '\r'); // CRs right before a boundary too
            String text = sb.toString();
            assertEquals(oracle(text), lines(text, Integer.MAX_VALUE), "trial " + trial);
        }
        for (String text : List.of("", "\n", "\r", "\r\n", "a", "a\r", "a\r\r\nb", "\n\n", "a\n\rb\r\n\r\n")) {
            assertEquals(oracle(text), lines(text, 10), text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void aLineOverTheLimitNamesItsNumber() throws IOException {
        assertEquals(List.of("12345", "x"), lines("12345\nx", 5));
        DataFormatException e = assertThrows(DataFormatException.class, () -> lines("12345\n123456\n", 5));
        assertEquals("t.txt, line 2: the line is longer than 5 characters: this is not a file of this format (or its"
                + " line ends are missing)", e.getMessage());
        String longer = "a".repeat(200_000); // over several buffers
        e = assertThrows(DataFormatException.class, () -> lines(longer, 150_000));
        assertEquals(1, e.line());
    }
}
