package io.github.lightgcn.server;

/** A value a client sent, made safe to quote in a one-line message: bounded, control characters shown as '?'. */
final class Echo {

    private static final int MAX = 60;

    private Echo() {}

    static String of(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 3);
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return s.length() > MAX ? b + "..." : b.toString();
    }
}
