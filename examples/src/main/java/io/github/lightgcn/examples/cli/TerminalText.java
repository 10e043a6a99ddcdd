package io.github.lightgcn.examples.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Text from a model or a data file made safe to print on a terminal. A title, genre or type is data someone else
 * wrote: an ESC or OSC sequence in it could recolour, clear or retitle the viewer's terminal, a CR or LF could
 * overwrite or fake a line, a bidi override (U+202E) could show the text reversed. {@link #safe(String)} writes
 * every such character as a visible escape ({@code \n}, {@code \r}, {@code \t}, {@code \u001B}, {@code \u202E}, the
 * notation of the readers' error messages) and leaves all other text as it is; the data itself (model, exports)
 * is never changed, only what is shown.
 *
 * <p>Escaped: the C0 controls, DEL and the C1 controls ({@link Character#isISOControl}), the bidi embeddings,
 * overrides, isolates and marks (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), the line and paragraph
 * separators (U+2028, U+2029) and unpaired surrogates.
 *
 * <p>{@link #writer} is the net under the values: the command line's stdout and stderr pass through it, so a
 * control character that reaches them some other way (a file name, an option value picocli echoes) is escaped too;
 * it lets line ends and tabs through, since the output's own lines are made of them.
 */
public final class TerminalText {

    private TerminalText() {}

    /** {@code text} with every character that could act on a terminal written as a visible escape; null as "null". */
    public static String safe(String text) {
        if (text == null) return "null";
        int first = 0;
        while (first < text.length() && !unsafe(text, first)) first++;
        if (first == text.length()) return text; // the common case: nothing to escape, no copy
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(text, i)) escape(sb, c);
            else sb.append(c);
        }
        return sb.toString();
    }

    /** Whether the character at {@code i} must be escaped (a surrogate is safe only as half of a pair). */
    private static boolean unsafe(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return unsafe(c);
    }

    /** Controls, bidi formatting and line separators; surrogates are judged in context by the caller. */
    static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028'
                || c == '\u2029';
    }

    private static void escape(StringBuilder sb, char c) {
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        }
    }

    /**
     * A print writer over {@code out} that escapes, as {@link #safe} does, every character except the line ends and
     * tabs of the output itself: LF, TAB, and CR when an LF follows it (a CR on its own could rewrite the line).
     * Auto-flushing like the command line's writers.
     */
    public static PrintWriter writer(PrintWriter out) {
        return new PrintWriter(new SafeWriter(out), true);
    }

    /** The filter of {@link #writer}: holds back a CR or a high surrogate until the next character decides. */
    private static final class SafeWriter extends Writer {

        private final PrintWriter out;
        private final StringBuilder buffer = new StringBuilder();
        private char pending; // a CR or high surrogate seen last, or 0

        SafeWriter(PrintWriter out) {
            super(out);
            this.out = out;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            synchronized (lock) {
                for (int i = off; i < off + len; i++) put(chars[i]);
                out.write(buffer.toString());
                buffer.setLength(0);
            }
        }

        private void put(char c) {
            if (pending != 0) {
                char p = pending;
                pending = 0;
                if (p == '\r' && c == '\n') {
                    buffer.append("\r\n");
                    return;
                }
                if (Character.isHighSurrogate(p) && Character.isLowSurrogate(c)) {
                    buffer.append(p).append(c);
                    return;
                }
                escape(buffer, p);
            }
            if (c == '\r' || Character.isHighSurrogate(c)) {
                pending = c;
            } else if (c == '\n' || c == '\t' || !(unsafe(c) || Character.isLowSurrogate(c))) {
                buffer.append(c);
            } else {
                escape(buffer, c);
            }
        }

        @Override
        public void flush() {
            synchronized (lock) {
                // a CR or half a pair held at a flush ends nothing: the text printed so far is complete
                if (pending != 0) {
                    escape(buffer, pending);
                    pending = 0;
                    out.write(buffer.toString());
                    buffer.setLength(0);
                }
                out.flush();
            }
        }

        @Override
        public void close() {
            flush();
            out.close();
        }
    }
}
