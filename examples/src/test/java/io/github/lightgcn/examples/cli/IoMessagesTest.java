package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No JDK exception name and no operating-system message without its path reaches the user: each class the JDK
 * throws is said in words with the file, and every input and output is checked before any work with a line that
 * names the option, the path and what is wrong.
 */
class IoMessagesTest {

    @TempDir
    Path dir;

    @Test
    void everyFileSystemExceptionIsSaidInWordsWithItsFile() {
        Map<Exception, String> cases = Map.ofEntries(
                Map.entry(new FileAlreadyExistsException("/x/m.lgcn"), "/x/m.lgcn: a file of that name is in the way"),
                Map.entry(new NoSuchFileException("/x/m.lgcn"), "/x/m.lgcn: no such file or folder"),
                Map.entry(new AccessDeniedException("/x/m.lgcn"), "/x/m.lgcn: permission denied"),
                Map.entry(new NotDirectoryException("/x/f"), "/x/f: a file is in the way of a folder"),
                Map.entry(new DirectoryNotEmptyException("/x/d"), "/x/d: a folder that is not empty is in the way"),
                Map.entry(new FileSystemLoopException("/x/l"), "/x/l: a loop of symbolic links"),
                Map.entry(new FileSystemException("/x/d", null, "Is a directory"), "/x/d: it is a folder"),
                Map.entry(new FileSystemException("/x/d", null, "No space left on device"),
                        "/x/d: no space left on device"),
                Map.entry(new FileSystemException("/x/a", "/x/b", null), "/x/a: the file system refused it (/x/b)"),
                Map.entry(new IOException("Is a directory"), "it is a folder"),
                Map.entry(new IOException("Input/output error"), "input/output error"),
                Map.entry(new EOFException(), "it ends too soon"),
                Map.entry(new MalformedInputException(1), "its text is not valid UTF-8"),
                Map.entry(new InvalidPathException("a\u0000b", "Nul character not allowed"),
                        "'a\\u0000b' cannot be used as a path: it contains a NUL character"),
                Map.entry(new InvalidPathException("C:x<y", "Illegal char <<> at index 3"),
                        "'C:x<y' cannot be used as a path: it contains a character file names cannot hold"));
        cases.forEach((e, expected) -> {
            String said = CliErrors.describe(e);
            assertTrue(said.startsWith(expected), () -> e.getClass().getSimpleName() + ": " + said);
            assertFalse(said.contains("Exception") || said.contains("Input length"), said);
        });
        String unmappable = CliErrors.describe(new InvalidPathException("caf\u00e9",
                "Malformed input or input contains unmappable characters"));
        assertTrue(unmappable.startsWith("'caf\u00e9' cannot be used as a path: it has characters that the locale's"
                + " encoding cannot hold"), unmappable);
    }

    @Test
    void aPathOptionThatIsNoPathIsAUsageErrorInWords() {
        CliRun r = CliRun.of("recommend", "--model", "a\u0000b", "--user", "1");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(List.of("error: Invalid value for option '--model': 'a\\u0000b' cannot be used as a path: it"
                + " contains a NUL character. See 'lightgcn recommend --help'."), r.errLines());
    }

    /** Each input option of each command, given a path that is not a readable regular file. */
    @Test
    void inputsThatAreNotFilesAreNamedForWhatTheyAre() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path loop = Files.createSymbolicLink(dir.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(dir.resolve("loop2"), Path.of("loop1"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Path.of("gone"));
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path underFile = plain.resolve("x.csv");
        Path ok = Files.writeString(dir.resolve("ok.csv"), "user_id,anime_id\n1,2\n");
        Map<Path, String> said = Map.of(folder, " is a folder, not a file", fifo, " is a named pipe, not a regular file",
                Path.of("/dev/null"), " is a character device, not a regular file",
                loop, " is a symbolic link in a loop", dangling, " is a symbolic link to gone, which does not exist",
                underFile, " (" + plain + " is a file, not a folder)");
        for (Map.Entry<Path, String> c : said.entrySet()) {
            String bad = c.getKey().toString();
            for (String[] args : List.of(new String[] {"recommend", "--model", bad, "--user", "1"},
                    new String[] {"similar", "--model", bad, "--anime", "x"},
                    new String[] {"export", "--model", bad, "--out", dir.resolve("e").toString()},
                    new String[] {"evaluate", "--model", bad, "--test", ok.toString()},
                    new String[] {"evaluate", "--model", ok.toString(), "--test", bad},
                    new String[] {"train", "--anime", bad, "--ratings", ok.toString()},
                    new String[] {"train", "--anime", ok.toString(), "--ratings", bad},
                    new String[] {"train", "--train", bad, "--test", ok.toString(), "--format", "csv"},
                    new String[] {"train", "--train", ok.toString(), "--test", ok.toString(), "--format", "csv",
                            "--resume", bad})) {
                CliRun r = CliRun.of(args);
                String option = option(args, bad);
                ErrorLinesTest.assertOneErrorLine(r);
                assertEquals(1, r.exitCode(), r::toString);
                String line = r.errLines().getFirst();
                assertTrue(line.startsWith("error: " + option + " "), r::toString);
                assertTrue(line.contains(bad) && line.endsWith(c.getValue()), () -> line + " should end with "
                        + c.getValue());
                assertEquals("", r.out(), r::toString);
            }
        }
    }

    private static String option(String[] args, String value) {
        for (int i = 1; i < args.length; i++) if (args[i].equals(value)) return args[i - 1];
        throw new AssertionError();
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsRefusedBeforeTheData() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc: no one may create folders there");
        Path ok = Files.writeString(dir.resolve("ok.csv"), "user_id,anime_id\n1,2\n");
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"train", "--anime", ok.toString(), "--ratings", ok.toString(), "--model-out",
                "/proc/lightgcn-x/m.lgcn"});
        runs.add(new String[] {"train", "--anime", ok.toString(), "--ratings", ok.toString(), "--curves",
                "/proc/lightgcn-x/c.png"});
        runs.add(new String[] {"demo", "--out", "/proc/lightgcn-x"});
        runs.add(new String[] {"export", "--model", ok.toString(), "--out", "/proc/lightgcn-x"});
        for (String[] args : runs) {
            CliRun r = CliRun.of(args);
            ErrorLinesTest.assertOneErrorLine(r);
            String line = r.errLines().getFirst();
            assertTrue(line.matches("error: --(model-out|curves|out) /proc/lightgcn-x.*: its folder /proc/lightgcn-x"
                    + " cannot be created: [a-z].*"), line);
            assertEquals("", r.out(), r::toString);
        }
    }
}
