package io.github.lightgcn.io.internal;

import java.util.Locale;

/**
 * Values from a file echoed in error messages: at most {@value #MAX_CHARS} characters (the length of the rest is
 * said), control characters escaped ({@code \n}, {@code \t}, {@code \u001B}, ...), so that one bad value can neither
 * flood a log (a 50 MB one-line header) nor rewrite the terminal that prints the message.
 */
public final class Echo {

    /** The most characters of a value shown. */
    public static final int MAX_CHARS = 80;

    private Echo() {}

    /** The value in single quotes: {@code 'abc'}, or {@code 'the first 80 characters...' (52,428,800 characters)}. */
    public static String quote(String value) {
        return shorten(value, true);
    }

    /** The value shortened and escaped as {@link #quote}, without the quotes. */
    public static String text(String value) {
        return shorten(value, false);
    }

    private static String shorten(String value, boolean quoted) {
        int end = value.length() <= MAX_CHARS ? value.length() : MAX_CHARS;
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) end--; // keep pairs whole
        StringBuilder sb = new StringBuilder(end + 40);
        if (quoted) sb.append('\'');
        escape(sb, value, end);
        if (end < value.length()) sb.append("...");
        if (quoted) sb.append('\'');
        if (end < value.length()) sb.append(String.format(Locale.ROOT, " (%,d characters)", value.length()));
        return sb.toString();
    }

    private static void escape(StringBuilder sb, String value, int end) {
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
