package io.github.lightgcn.io.mal;

/**
 * Decodes the HTML character references that MyAnimeList left in titles ({@code Gintama&#039;},
 * {@code Tiger &amp; Bunny}): the named ones {@code &amp; &lt; &gt; &quot; &apos;} and any numeric
 * {@code &#NNN;} or {@code &#xHH;}. Anything else that starts with {@code &} is ordinary text and stays, as does a
 * number beyond U+10FFFF. A reference to a UTF-16 surrogate ({@code &#xD800;}) or a Unicode non-character
 * ({@code &#xFFFE;}, {@code &#xFDD0;}) is an error: decoded, it would be text that cannot be written as UTF-8.
 */
public final class HtmlEntities {

    private HtmlEntities() {}

    /**
     * The decoded text; the same instance when there is nothing to decode (so callers can count changes).
     *
     * @throws IllegalArgumentException for a reference to a surrogate or a non-character, naming it
     */
    public static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        boolean changed = false;
        for (int i = amp; i >= 0; i = s.indexOf('&', i + 1)) {
            int semi = s.indexOf(';', i + 1);
            if (semi < 0) break;
            int codePoint = codePoint(s, i + 1, semi);
            if (codePoint < 0) continue;
            String notText = notText(codePoint);
            if (notText != null) {
                throw new IllegalArgumentException(s.substring(i, semi + 1) + " names " + notText + ", not a "
                        + "character of text");
            }
            out.append(s, copied, i).appendCodePoint(codePoint);
            copied = semi + 1;
            i = semi;
            changed = true;
        }
        if (!changed) return s;
        return out.append(s, copied, s.length()).toString();
    }

    /** What a code point that is no character of text is, or null for a character. */
    private static String notText(int cp) {
        String u = String.format(java.util.Locale.ROOT, "U+%04X", cp);
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) return "a UTF-16 surrogate (" + u + ")";
        if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) return "the Unicode non-character " + u;
        return null;
    }

    /** The code point of the reference between '&' and ';' ({@code s[from, to)}), or -1 if it is not one. */
    private static int codePoint(String s, int from, int to) {
        if (to - from < 2 || to - from > 10) return -1;
        if (s.charAt(from) == '#') {
            boolean hex = s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X';
            int digits = from + (hex ? 2 : 1);
            if (digits == to) return -1;
            try {
                int cp = Integer.parseInt(s, digits, to, hex ? 16 : 10);
                return Character.isValidCodePoint(cp) && cp > 0 ? cp : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return switch (s.substring(from, to)) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> -1;
        };
    }

    /** The reverse, as the MAL dump writes titles: {@code & < > " '} become {@code &amp; &lt; &gt; &quot; &#039;}. */
    public static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#039;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
