package io.github.lightgcn.io.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a text file for the readers: UTF-8 with malformed bytes replaced by U+FFFD (so a stray byte becomes a bad
 * field with a line number, not a decoding exception without one) and a leading byte-order mark removed. Line
 * ends may be LF, CRLF or CR.
 */
public final class TextFiles {

    private TextFiles() {}

    /** @throws java.nio.file.NoSuchFileException when the file does not exist */
    public static BufferedReader open(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') reader.reset();
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
