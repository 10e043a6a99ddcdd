package io.github.lightgcn.internal;

import java.util.Locale;

/** JSON string literals for the files the library writes (embedding exports, tuning results): one escaper. */
public final class JsonStrings {

    private JsonStrings() {}

    /** Appends {@code s} as a JSON string literal: quotes, backslashes and control characters escaped. */
    public static void append(StringBuilder sb, String s) {
        sb.append('"');
        for (int p = 0; p < s.length(); p++) {
            char c = s.charAt(p);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /** {@code s} as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        append(sb, s);
        return sb.toString();
    }
}
