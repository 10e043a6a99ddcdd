package io.github.lightgcn.examples.cli;

import io.github.lightgcn.FitOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one shape of an option value out of range, for every command: a usage error (exit 2)
 * {@code Invalid value for option '<name>': <the library's range message>}, raised before any data is read.
 */
public final class OptionCheck {

    private OptionCheck() {}

    /** Runs {@code set} (a builder call that checks the value); its IllegalArgumentException becomes the usage error. */
    public static void check(CommandSpec spec, String name, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            throw invalid(spec, name, e.getMessage());
        }
    }

    /**
     * {@code --max-minutes} (train, demo): the library takes seconds, so its message is prefixed with the minutes the
     * user gave.
     */
    public static void maxMinutes(CommandSpec spec, double minutes, FitOptions.Builder options) {
        try {
            options.maxTrainingSeconds(minutes * 60);
        } catch (IllegalArgumentException e) {
            throw invalid(spec, "--max-minutes", "got " + minutes + " minutes: " + e.getMessage());
        }
    }

    /** The usage error for option {@code name}: {@code Invalid value for option '<name>': <problem>}. */
    public static ParameterException invalid(CommandSpec spec, String name, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + name + "': " + problem);
    }
}
