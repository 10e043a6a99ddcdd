package io.github.lightgcn.examples.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Text in and out of the command line under the C/POSIX locale (Docker, cron, systemd), where the JVM reads its
 * arguments and file names as ASCII and writes its output as ASCII: a title in {@code --likes} arrives as
 * {@code ??} and a non-ASCII path cannot be opened. {@code ./lightgcn} runs the JVM under a UTF-8 locale then, which
 * fixes all of it; for a JVM started another way, the output is written as UTF-8 instead of ASCII, and an argument
 * that arrived damaged is refused in one line that says what to do, instead of being used as {@code ??}.
 */
final class ConsoleEncoding {

    private ConsoleEncoding() {}

    /** A writer for {@code stream}: in the encoding of {@code property} (stdout.encoding), UTF-8 instead of ASCII. */
    static PrintWriter writer(OutputStream stream, String property) {
        return new PrintWriter(new OutputStreamWriter(stream, output(System.getProperty(property))), true);
    }

    /** The encoding to write in, given the JVM's choice for the stream (null when it made none). */
    static Charset output(String encoding) {
        Charset charset;
        try {
            charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        return charset.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : charset;
    }

    /**
     * The problem with the arguments when the JVM could not decode them (it decodes them in
     * {@code sun.jnu.encoding}, the locale's, and turns bytes it cannot read into U+FFFD), or null.
     */
    static String damagedArgument(String[] args, String jnuEncoding) {
        if (jnuEncoding == null || jnuEncoding.equalsIgnoreCase("UTF-8")) return null;
        for (int a = 0; a < args.length; a++) {
            if (args[a].indexOf('\uFFFD') >= 0) {
                return "argument " + (a + 1) + " (" + args[a] + ") has characters that the locale's encoding ("
                        + jnuEncoding + ") cannot read: run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (./lightgcn does"
                        + " that itself)";
            }
        }
        return null;
    }
}
