package io.github.lightgcn.examples.cli;

import io.github.lightgcn.LightGCN;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every command says about itself: {@code -V} and {@code --version} print the version line, and every example
 * in a help footer, as the help prints it (80 columns), pastes as one valid shell command that picocli parses.
 */
class HelpAndVersionTest {

    /** Every command the command line has, subcommands of subcommands included ("" is the top level). */
    static List<String> commands() {
        List<String> names = new ArrayList<>(List.of(""));
        collect(new CommandLine(new LightGcnCli()), "", names);
        return names;
    }

    private static void collect(CommandLine cli, String prefix, List<String> names) {
        cli.getSubcommands().forEach((name, sub) -> {
            names.add(prefix + name);
            collect(sub, prefix + name + " ", names);
        });
    }

    private static String[] argv(String command, String... more) {
        List<String> a = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void everyCommandPrintsTheVersion() {
        assertTrue(commands().size() >= 7, commands()::toString);
        for (String command : commands()) {
            for (String flag : List.of("-V", "--version")) {
                CliRun r = CliRun.of(argv(command, flag));
                assertEquals(0, r.exitCode(), r::toString);
                assertEquals(List.of("lightgcn-java " + LightGCN.VERSION), r.outLines(), command + " " + flag);
                assertEquals("", r.err(), r::toString);
            }
        }
    }

    @Test
    void everyHelpExamplePastesAsOneCommandThatParses() {
        int examples = 0;
        for (String command : commands()) {
            CliRun help = CliRun.of(argv(command, "--help"));
            assertEquals(0, help.exitCode(), help::toString);
            for (List<String> example : examples(command, help.outLines())) {
                examples++;
                List<String> words = shellWords(String.join("\n", example));
                assertEquals("lightgcn", words.getFirst(), example::toString);
                try {
                    new CommandLine(new LightGcnCli()).setCaseInsensitiveEnumValuesAllowed(true)
                            .parseArgs(words.subList(1, words.size()).toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    fail("'" + command + " --help' example " + example + " does not parse: " + e.getMessage());
                }
            }
        }
        assertTrue(examples >= 7, "examples found: " + examples);
    }

    /**
     * The example commands of a help: after a line "Example...:", each starts with "  lightgcn "; a line may only
     * continue the command when the one before ends with a backslash.
     */
    private static List<List<String>> examples(String command, List<String> help) {
        List<List<String>> found = new ArrayList<>();
        boolean inExamples = false;
        List<String> current = null;
        for (String line : help) {
            if (line.matches("Examples?( \\(.*\\))?:")) {
                inExamples = true;
                current = null;
                continue;
            }
            if (!inExamples || line.isBlank()) {
                assertTrue(current == null || !current.getLast().endsWith("\\"), () -> command + ": a backslash"
                        + " continues onto a blank line");
                current = null;
                continue;
            }
            if (current != null && current.getLast().endsWith("\\")) {
                current.add(line);
            } else if (line.startsWith("  lightgcn ")) {
                current = new ArrayList<>(List.of(line));
                found.add(current);
            } else {
                fail("'" + command + " --help': the example line '" + line + "' continues the one before without a"
                        + " backslash (pasted, it fails)");
            }
        }
        assertFalse(!found.isEmpty() && found.getLast().getLast().endsWith("\\"), command);
        return found;
    }

    /** Splits as a POSIX shell does for these examples: blanks, double and single quotes, backslash-newline. */
    static List<String> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++; // a line continuation
            } else if (c == '\n') {
                fail("a line ends the command before its end: " + text);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) words.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        assertEquals(0, quote, () -> "an unclosed quote in " + text);
        if (inWord) words.add(w.toString());
        return words;
    }
}
