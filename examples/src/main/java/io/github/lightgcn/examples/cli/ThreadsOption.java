package io.github.lightgcn.examples.cli;

import io.github.lightgcn.FitOptions;
import io.github.lightgcn.eval.EvaluationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --threads}, the same on every command that has it ({@code train}, {@code demo}, {@code evaluate}): one
 * description, one default (the cores) and one range, the library's (the fit's and the evaluation's are the same
 * check), refused before any work with the same message.
 */
public final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, 1..1024 (results do not depend on it). Default: the cores (${DEFAULT-VALUE}).")
    int threads = FitOptions.defaults().threads();

    /** The value, or a usage error of {@code spec}'s command naming {@code --threads} and the range. */
    public int value(CommandSpec spec) {
        OptionCheck.check(spec, "--threads", () -> FitOptions.builder().threads(threads));
        OptionCheck.check(spec, "--threads", () -> EvaluationOptions.builder().threads(threads));
        return threads;
    }
}
