package io.github.lightgcn.examples.cli;

import io.github.lightgcn.LightGCN;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code lightgcn} command line: {@code demo}, {@code train}, {@code recommend}, {@code similar},
 * {@code evaluate}, {@code export}, {@code serve}.
 *
 * <p>Exit codes: 0 success, 1 runtime failure ({@code error: <message>} on stderr: missing file, malformed data,
 * I/O, and a heap too small, with the {@code -Xmx} to try), 2 usage error (one line naming the problem and pointing
 * to {@code --help}). Stack traces only with {@code --debug}.
 */
@Command(name = "lightgcn", mixinStandardHelpOptions = true, version = "lightgcn-java " + LightGCN.VERSION,
        description = "Train and evaluate LightGCN recommenders; recommend anime from MyAnimeList data.",
        subcommands = {DemoCommand.class, TrainCommand.class, RecommendCommand.class, SimilarCommand.class,
                EvaluateCommand.class, ExportCommand.class, TuneCommand.class, ServeCommand.class})
public final class LightGcnCli {

    /**
     * Accepted on every command (inherited by the subcommands). {@link CliErrors} looks for it in the raw arguments,
     * which also works when parsing failed.
     */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    public static void main(String[] args) {
        PrintWriter out = ConsoleEncoding.writer(System.out, "stdout.encoding"); // UTF-8 under the C locale
        PrintWriter err = ConsoleEncoding.writer(System.err, "stderr.encoding");
        String damaged = ConsoleEncoding.damagedArgument(args, System.getProperty("sun.jnu.encoding"));
        int code;
        if (damaged != null) {
            err.println("error: " + TerminalText.safe(damaged));
            code = CliErrors.USAGE;
        } else {
            code = run(out, err, args);
        }
        out.flush();
        err.flush();
        StopOnCtrlC.commandFinished(); // after Ctrl-C the JVM exits once this line is reached
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams and returns the exit code (for tests and embedding). Both streams
     * go through {@link TerminalText#writer}: no control character from a model, a data file or an argument reaches
     * the terminal as it is.
     */
    public static int run(PrintWriter rawOut, PrintWriter rawErr, String... args) {
        PrintWriter out = TerminalText.writer(rawOut), err = TerminalText.writer(rawErr);
        CommandLine cli = new CommandLine(new LightGcnCli())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true) // the last value wins, so scripts can append overrides
                .setParameterExceptionHandler(CliErrors::usageError)
                .setExecutionExceptionHandler(CliErrors::runtimeError)
                .registerConverter(Path.class, LightGcnCli::path);
        versionEverywhere(cli, cli.getCommandSpec().version());
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) { // the last safety net: sizes are checked before the big allocations
            code = CliErrors.outOfMemory(err, e, args);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** A path option's value; one that is no path is a usage error in words (picocli's names the JDK's exception). */
    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' cannot be used as a path: " + IoWords.reason(e));
        }
    }

    /** {@code lightgcn <command> -V} prints the version line as {@code lightgcn -V} does (picocli's is per command). */
    private static void versionEverywhere(CommandLine cli, String[] version) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().version(version);
            versionEverywhere(sub, version);
        }
    }
}
