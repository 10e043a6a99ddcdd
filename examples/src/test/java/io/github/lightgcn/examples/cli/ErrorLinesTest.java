package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error paths of every command end in one line that starts with "error: " once: no "error: Error: ..." (picocli's
 * argument groups prefix their own), no exception class name.
 */
class ErrorLinesTest {

    @TempDir
    Path dir;

    static void assertOneErrorLine(CliRun r) {
        assertTrue(r.exitCode() == 1 || r.exitCode() == 2, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().getFirst();
        assertTrue(line.startsWith("error: "), r::toString);
        assertFalse(line.substring("error: ".length()).strip().toLowerCase().startsWith("error"), r::toString);
        assertFalse(line.contains("Exception"), r::toString);
    }

    @Test
    void usageErrorsOfEveryCommand() {
        for (String command : HelpAndVersionTest.commands()) {
            List<String> base = command.isEmpty() ? List.of() : List.of(command.split(" "));
            for (List<String> extra : List.of(List.<String>of(), List.of("--nope"), List.of("--model"),
                    List.of("--threads", "x"), List.of("-n", "x"), List.of("extra-argument"))) {
                if (command.equals("demo") && extra.isEmpty()) continue; // demo runs without options
                List<String> args = new ArrayList<>(base);
                args.addAll(extra);
                assertOneErrorLine(CliRun.of(args.toArray(String[]::new)));
            }
        }
    }

    @Test
    void argumentGroupsOfRecommend() {
        String model = dir.resolve("m.lgcn").toString();
        for (String[] args : List.of(new String[] {"recommend", "--model", model},
                new String[] {"recommend", "--model", model, "--user", "1", "--likes", "x"},
                new String[] {"recommend", "--model", model, "--user", "1", "--user", "2"})) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exitCode(), r::toString);
            assertOneErrorLine(r);
        }
    }

    @Test
    void runtimeErrorsOfEveryCommand() {
        String missing = dir.resolve("missing").toString();
        for (String[] args : List.of(new String[] {"recommend", "--model", missing, "--user", "1"},
                new String[] {"similar", "--model", missing, "--anime", "x"},
                new String[] {"evaluate", "--model", missing, "--test", missing},
                new String[] {"export", "--model", missing, "--out", dir.resolve("out").toString()},
                new String[] {"train", "--anime", missing, "--ratings", missing},
                new String[] {"train", "--train", missing, "--test", missing, "--format", "pairs"},
                new String[] {"demo", "--data", dir.toString(), "--out", dir.resolve("f").toString(),
                        "--interactions", "1"})) {
            CliRun r = CliRun.of(args);
            assertOneErrorLine(r);
        }
    }
}
