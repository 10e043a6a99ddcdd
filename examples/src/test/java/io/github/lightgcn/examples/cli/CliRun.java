package io.github.lightgcn.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process run of the command line: exit code and captured output. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LightGcnCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public List<String> outLines() { return out.lines().toList(); }

    public List<String> errLines() { return err.lines().toList(); }

    /** The output lines that start with a prefix. */
    public List<String> linesStartingWith(String prefix) {
        return outLines().stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Override
    public String toString() { return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err; }
}
