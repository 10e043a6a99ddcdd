package io.github.lightgcn.examples;

/** A runtime failure whose message is complete as it is, printed as {@code error: <message>} with exit code 1. */
final class CliFailure extends RuntimeException {

    CliFailure(String message) { super(message); }

    CliFailure(String message, Throwable cause) { super(message, cause); }
}
