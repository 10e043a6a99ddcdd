package io.github.lightgcn.examples.cli;

import io.github.lightgcn.io.mal.generator.GeneratedData;
import io.github.lightgcn.io.mal.generator.MalGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every output of train and export is checked before any data is loaded (before: {@code --model-out} equal to
 * {@code --ratings} overwrote the input data with exit 0; {@code --model-out X --curves X --metrics-json X} said
 * "model saved to X" and left JSON in X; a folder or a pipe as output failed at the end of the run, or was replaced).
 */
@EnabledOnOs(OS.LINUX)
class OutputPathsTest {

    @TempDir
    static Path dir;

    static GeneratedData data;
    static byte[] ratings;

    @BeforeAll
    static void write() throws IOException {
        data = MalGenerator.generate(dir.resolve("mal"), 1000, 5);
        ratings = Files.readAllBytes(data.ratingsCsv());
    }

    private static CliRun train(String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--anime", data.animeCsv().toString(), "--ratings",
                data.ratingsCsv().toString(), "--epochs", "1", "--threads", "1", "--batch", "256"));
        a.addAll(Arrays.asList(extra));
        return CliRun.of(a.toArray(String[]::new));
    }

    private static void assertRefused(CliRun r, int exit, String line) throws IOException {
        assertEquals(exit, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(List.of(line), r.errLines());
        assertArrayEquals(ratings, Files.readAllBytes(data.ratingsCsv()), "the input is untouched");
    }

    @Test
    void anOutputThatIsAnInputIsRefusedAlsoThroughALinkOrDotDot() throws IOException {
        Path r = data.ratingsCsv();
        assertRefused(train("--model-out", r.toString()), 2, "error: Invalid value for option '--model-out': " + r
                + " is the --ratings file: an output must not overwrite an input. See 'lightgcn train --help'.");
        Path dotted = r.getParent().resolve("sub/../" + r.getFileName());
        assertRefused(train("--curves", dotted.toString()), 2, "error: Invalid value for option '--curves': "
                + dotted + " is the --ratings file: an output must not overwrite an input. See 'lightgcn train "
                + "--help'.");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data.animeCsv());
        assertRefused(train("--metrics-json", link.toString()), 2, "error: Invalid value for option "
                + "'--metrics-json': " + link + " is the --anime file: an output must not overwrite an input. See "
                + "'lightgcn train --help'.");
        Path hard = Files.createLink(dir.resolve("hard.csv"), r);
        assertRefused(train("--model-out", hard.toString()), 2, "error: Invalid value for option '--model-out': "
                + hard + " is the --ratings file: an output must not overwrite an input. See 'lightgcn train "
                + "--help'.");
        Files.delete(hard);
    }

    @Test
    void twoOutputsOnOnePathAreRefused() throws IOException {
        Path x = dir.resolve("x.out");
        assertRefused(train("--model-out", x.toString(), "--curves", x.toString(), "--metrics-json", x.toString()),
                2, "error: Invalid value for option '--metrics-json': " + x + " is also the --model-out path: give "
                        + "each output its own. See 'lightgcn train --help'.");
        assertRefused(train("--model-out", x.toString(), "--checkpoint-every", "1", "--checkpoint", x.toString()),
                2, "error: Invalid value for option '--checkpoint': " + x + " is also the --model-out path: give "
                        + "each output its own. See 'lightgcn train --help'.");
        assertFalse(Files.exists(x));
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeTheData() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        assertRefused(train("--model-out", folder.toString()), 1, "error: --model-out " + folder
                + " is a folder, not a regular file");
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertRefused(train("--metrics-json", fifo.toString()), 1, "error: --metrics-json " + fifo
                + " is a named pipe, not a regular file");
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path under = file.resolve("sub/m.lgcn");
        assertRefused(train("--model-out", under.toString()), 1, "error: --model-out " + under + ": its folder "
                + under.getParent() + " cannot be created, " + file + " is a file");
        Path nullLink = Files.createSymbolicLink(dir.resolve("null.lgcn"), Path.of("/dev/null"));
        assertRefused(train("--model-out", nullLink.toString()), 1, "error: --model-out " + nullLink
                + " (/dev/null) is a character device, not a regular file");
        Files.delete(nullLink);
    }

    @Test
    void aLinkIsWrittenThroughAndTheRunSaysSo() throws IOException {
        Path real = dir.resolve("real.lgcn");
        Path link = Files.createSymbolicLink(dir.resolve("via.lgcn"), real.getFileName());
        CliRun r = train("--model-out", link.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("note: --model-out " + link + " is a symbolic link: " + real + " is written",
                r.outLines().getFirst());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.size(real) > 0);
    }

    @Test
    void aCheckpointMayContinueTheOneResumed() {
        Path cp = dir.resolve("run.ckpt");
        OutputPaths paths = OutputPaths.of(new picocli.CommandLine(new LightGcnCli()).getCommandSpec())
                .input("--resume", cp).file("--checkpoint", cp, "--resume");
        assertDoesNotThrow(paths::check);
        OutputPaths wrong = OutputPaths.of(new picocli.CommandLine(new LightGcnCli()).getCommandSpec())
                .input("--resume", cp).file("--model-out", cp);
        assertThrows(picocli.CommandLine.ParameterException.class, wrong::check);
    }

    @Test
    void exportRefusesAFileAsItsFolderAndWritesAllThreeFilesOrNone() throws IOException {
        Path model = dir.resolve("export.lgcn");
        assertEquals(0, train("--model-out", model.toString()).exitCode());
        CliRun r = CliRun.of("export", "--model", model.toString(), "--out", model.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(List.of("error: Invalid value for option '--out': " + model + " is the --model file: an output "
                + "must not overwrite an input. See 'lightgcn export --help'."), r.errLines());
        Path file = Files.writeString(dir.resolve("not-a-folder"), "mine");
        r = CliRun.of("export", "--model", model.toString(), "--out", file.toString());
        assertEquals(List.of("error: --out " + file + " is a file, not a folder"), r.errLines());
        assertEquals("mine", Files.readString(file));

        Path out = dir.resolve("emb");
        Path stale = Files.createDirectories(dir.resolve(".emb.lightgcn-0123.tmp")); // left by a killed export
        Files.write(stale.resolve("users.npy"), new byte[100]);
        r = CliRun.of("export", "--model", model.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("ids.json", "items.npy", "users.npy"), names(out));
        assertFalse(Files.exists(stale), "the stale staging folder is deleted");
        assertEquals(List.of(), names(dir).stream().filter(n -> n.contains("lightgcn-")).toList());

        Files.writeString(out.resolve("README"), "the user's own file");
        Files.writeString(out.resolve("ids.json"), "old");
        r = CliRun.of("export", "--model", model.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("README", "ids.json", "items.npy", "users.npy"), names(out));
        assertTrue(Files.readString(out.resolve("ids.json")).startsWith("{"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
