package io.github.lightgcn.io;

import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small inline files and assertions shared by the reader tests. */
final class TestFiles {

    private TestFiles() {}

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /**
     * Asserts that reading fails with a DataFormatException at this line and field, and that the message names the
     * file, the line and the field (what a user sees on the command line).
     */
    static DataFormatException assertFormatError(Executable read, Path file, long line, String field,
                                                 String problemFragment) {
        DataFormatException e = assertThrows(DataFormatException.class, read);
        assertEquals(file, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()), m);
        if (line > 0) assertTrue(m.contains(", line " + line), m);
        if (field != null) assertTrue(m.contains(", field " + field + ":"), m);
        assertTrue(m.contains(problemFragment), "'" + m + "' should contain '" + problemFragment + "'");
        return e;
    }
}
