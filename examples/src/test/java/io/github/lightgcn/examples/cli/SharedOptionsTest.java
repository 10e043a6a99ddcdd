package io.github.lightgcn.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An option several commands share has one range and one message on all of them (evaluate took --threads 0 and
 * 5000 that train refused), and a bad value is refused before any file is looked at.
 */
class SharedOptionsTest {

    @TempDir
    Path dir;

    /** Arguments that get each command past picocli's own checks (the files do not exist: they must not matter). */
    private Map<String, List<String>> runnable() {
        String missing = dir.resolve("missing").toString();
        return Map.of(
                "train", List.of("--anime", missing, "--ratings", missing),
                "demo", List.of("--data", dir.toString(), "--out", dir.resolve("out").toString()),
                "evaluate", List.of("--model", missing, "--test", missing),
                "recommend", List.of("--model", missing, "--user", "1"),
                "similar", List.of("--model", missing, "--anime", "x"),
                "export", List.of("--model", missing, "--out", dir.resolve("e").toString()),
                "tune", List.of("--train", missing, "--val", missing, "--format", "pairs", "--budget-minutes", "1"));
    }

    /** The commands that take an option of this name (tune has --max-minutes from train's options, and refuses it). */
    private static List<String> commandsWith(String option) {
        List<String> with = new ArrayList<>();
        new CommandLine(new LightGcnCli()).getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().findOption(option) != null) with.add(name);
        });
        if (option.equals("--max-minutes")) with.remove("tune");
        return with;
    }

    @Test
    void everySharedNumericOptionHasOneRangeAndOneMessage() {
        Map<String, List<String>> bad = new TreeMap<>(Map.of(
                "--threads", List.of("0", "-1", "1025", "5000"),
                "--top", List.of("0", "-5"),
                "--epochs", List.of("0", "-3"),
                "--max-minutes", List.of("-1", "NaN")));
        assertTrue(commandsWith("--threads").containsAll(List.of("train", "demo", "evaluate")));
        assertTrue(commandsWith("--top").containsAll(List.of("recommend", "similar")));
        bad.forEach((option, values) -> {
            List<String> commands = commandsWith(option);
            assertTrue(commands.size() >= 2, option + " is on " + commands);
            for (String value : values) {
                String message = null;
                for (String command : commands) {
                    List<String> args = new ArrayList<>(List.of(command));
                    args.addAll(runnable().get(command));
                    args.addAll(List.of(option, value));
                    CliRun r = CliRun.of(args.toArray(String[]::new));
                    assertEquals(2, r.exitCode(), r::toString);
                    assertEquals("", r.out(), r::toString);
                    assertEquals(1, r.errLines().size(), r::toString);
                    String line = r.errLines().getFirst();
                    String shared = line.substring(0, line.indexOf(" See 'lightgcn "));
                    assertTrue(shared.contains("Invalid value for option '") && shared.contains(value), line);
                    if (message == null) message = shared;
                    assertEquals(message, shared, option + " " + value + " on " + command);
                }
            }
        });
    }

    @Test
    void threadsInRangeAreTakenEverywhere() {
        for (String command : commandsWith("--threads")) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(runnable().get(command));
            args.addAll(List.of("--threads", "1024", "--epochs", "1"));
            if (command.equals("evaluate")) args.removeAll(List.of("--epochs", "1"));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertTrue(!r.err().contains("--threads"), r::toString); // it fails later, on the missing files
        }
    }
}
