package io.github.lightgcn.io;

import java.util.ArrayList;
import java.util.List;

/** Splits a line into fields without regular expressions (the readers call this once per line). */
final class Tokens {

    private static final String[] NONE = new String[0];

    private Tokens() {}

    /** Fields separated by runs of spaces or tabs; leading and trailing blanks ignored. Empty for a blank line. */
    static String[] splitWhitespace(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length(), p = 0;
        while (p < n) {
            while (p < n && isBlank(line.charAt(p))) p++;
            int start = p;
            while (p < n && !isBlank(line.charAt(p))) p++;
            if (p > start) out.add(line.substring(start, p));
        }
        return out.isEmpty() ? NONE : out.toArray(NONE);
    }

    /** Fields separated by one {@code separator} character each, every field trimmed; empty fields are kept. */
    static String[] split(String line, char separator) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int p = 0; p <= line.length(); p++) {
            if (p == line.length() || line.charAt(p) == separator) {
                out.add(line.substring(start, p).strip());
                start = p + 1;
            }
        }
        return out.toArray(NONE);
    }

    private static boolean isBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\u000B'; }
}
