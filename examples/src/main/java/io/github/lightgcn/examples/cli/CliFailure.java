package io.github.lightgcn.examples.cli;

/** A runtime failure whose message is complete as it is, printed as {@code error: <message>} with exit code 1. */
public final class CliFailure extends RuntimeException {

    public CliFailure(String message) { super(message); }

    public CliFailure(String message, Throwable cause) { super(message, cause); }
}
