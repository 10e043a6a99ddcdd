package io.github.lightgcn.examples.cli;

import io.github.lightgcn.InsufficientMemoryException;
import io.github.lightgcn.TrainingDivergedException;

import io.github.lightgcn.io.DataFormatException;
import io.github.lightgcn.io.mal.model.AnimeQueryException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.util.List;

/**
 * How failures reach the user: one line each, no stack trace unless {@code --debug}. Usage errors (bad options or
 * values, exit 2) end with a pointer to the command's {@code --help}; runtime failures (exit 1) start with
 * {@code error:}.
 */
final class CliErrors {

    static final int RUNTIME = 1, USAGE = 2;

    private CliErrors() {}

    /** picocli's parameter exception handler: bad command line. */
    static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // picocli checks required options before it complains about unknown ones; a misspelt option explains
        // the missing one, so name it first
        if (!(ex instanceof UnmatchedArgumentException) && !cmd.getUnmatchedArguments().isEmpty()) {
            ex = new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        StringBuilder line = new StringBuilder("error: ").append(oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size())))).append("?)");
            }
        }
        if (!line.toString().endsWith(".")) line.append('.');
        line.append(" See '").append(cmd.getCommandSpec().qualifiedName()).append(" --help'.");
        err.println(line);
        if (debugRequested(args)) ex.printStackTrace(err);
        err.flush();
        return USAGE;
    }

    /** picocli's execution exception handler: the command started and failed. */
    static int runtimeError(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof TrainingInterrupted) {
            err.println(ex.getMessage());
            err.flush();
            return TrainingInterrupted.EXIT_CODE;
        }
        err.println("error: " + describe(ex));
        if (debugRequested(parseResult.originalArgs().toArray(new String[0]))) {
            ex.printStackTrace(err);
        } else if (!isExpected(ex)) {
            err.println("(run with --debug for the stack trace)");
        }
        err.flush();
        return RUNTIME;
    }

    /**
     * An OutOfMemoryError that no size check foresaw: one line with the heap it had and the {@code -Xmx} to try
     * (twice as much), exit code 1; the stack trace only with {@code --debug}.
     */
    static int outOfMemory(PrintWriter err, OutOfMemoryError e, String[] args) {
        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        String more = maxMiB >= 1024 ? (2 * maxMiB + 1023) / 1024 + "g" : 2 * maxMiB + "m";
        err.println("error: out of memory (" + e.getMessage() + ", max heap " + maxMiB + " MiB): give the JVM more, "
                + "e.g. JAVA_OPTS=-Xmx" + more + " ./lightgcn ..., or java -Xmx" + more + " when running the jar");
        if (debugRequested(args)) e.printStackTrace(err);
        err.flush();
        return RUNTIME;
    }

    /** Failures a user can fix from the message alone (bad data, missing file), as opposed to bugs. */
    private static boolean isExpected(Throwable ex) {
        return ex instanceof CliFailure || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof IllegalArgumentException || ex instanceof TrainingDivergedException
                || ex instanceof InsufficientMemoryException;
    }

    /** A one-line message that says what went wrong even when the exception's own message is terse. */
    static String describe(Throwable ex) {
        if (ex instanceof UncheckedIOException u && u.getCause() != null) return describe(u.getCause());
        if (ex instanceof CliFailure || ex instanceof DataFormatException || ex instanceof TrainingDivergedException
                || ex instanceof InsufficientMemoryException || ex instanceof AnimeQueryException) {
            return whole(ex.getMessage()); // ours, one line by design: a line end in it comes from a value
        }
        if (ex instanceof InvalidPathException e) {
            String jnu = System.getProperty("sun.jnu.encoding", "UTF-8");
            return "'" + whole(e.getInput()) + "' cannot be used as a path: " + IoWords.reason(e)
                    + (jnu.equalsIgnoreCase("UTF-8") ? "" : " (the locale's encoding " + jnu + "; run under a UTF-8"
                    + " locale, e.g. LC_ALL=C.UTF-8)");
        }
        if (ex instanceof FileSystemException e) { // the JDK's: a path and a reason, or only a class name
            String file = e.getFile() == null ? "" : whole(e.getFile()) + ": ";
            String other = e.getOtherFile() == null ? "" : " (" + whole(e.getOtherFile()) + ")";
            return file + IoWords.reason(e) + other;
        }
        if (ex instanceof IOException e) return whole(IoWords.reason(e));
        if (ex instanceof IllegalArgumentException) {
            return ex.getMessage() != null ? oneLine(ex.getMessage()) : "an invalid value";
        }
        return "internal error: " + ex.getClass().getName() + (ex.getMessage() == null ? "" : ": "
                + oneLine(ex.getMessage()));
    }

    /**
     * The first line of a message from picocli or the JDK (later lines are hints for another kind of program), without
     * a leading "Error: " of its own (the line already starts with "error: "), safe to print.
     */
    static String oneLine(String message) {
        if (message == null) return "";
        String s = message.strip();
        int nl = s.indexOf('\n');
        return whole(nl < 0 ? s : s.substring(0, nl));
    }

    /** A message of ours as one line: any line end or control character in it (from a value) escaped. */
    private static String whole(String message) {
        if (message == null) return "";
        String s = message.strip();
        while (s.regionMatches(true, 0, "error:", 0, 6)) s = s.substring(6).strip(); // picocli's groups say "Error: "
        return TerminalText.safe(s);
    }

    /** Whether --debug is among the arguments (also when parsing failed, so no parse result can be trusted). */
    private static boolean debugRequested(String[] args) {
        for (String a : args) {
            if (a.equals("--")) return false;
            if (a.equals("--debug")) return true;
        }
        return false;
    }
}
