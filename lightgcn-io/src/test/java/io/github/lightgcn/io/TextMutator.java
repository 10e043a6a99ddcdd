package io.github.lightgcn.io;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Random damage to a text file, for the readers' property tests: truncation, a deleted character, a stray
 * character from {@code junk}, an odd token from {@code tokens}, an extra line break, the first line repeated
 * (a duplicated header), or the whole file emptied; now and then the file is random bytes instead.
 *
 * @param newlines the line breaks to insert (e.g. LF, CRLF, CR)
 */
public record TextMutator(String junk, String[] tokens, String[] newlines) {

    /** The file's bytes: the text as UTF-8, or once in 40 inputs random bytes instead (up to 300). */
    public byte[] fileBytes(Random r, int times, String validText) {
        if (r.nextInt(40) == 0) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            return b;
        }
        return mutate(validText, r, times).getBytes(StandardCharsets.UTF_8);
    }

    public String newline(Random r) { return newlines[r.nextInt(newlines.length)]; }

    public String mutate(String text, Random r, int times) {
        StringBuilder sb = new StringBuilder(text);
        for (int t = 0; t < times; t++) {
            int pos = sb.isEmpty() ? 0 : r.nextInt(sb.length() + 1);
            switch (r.nextInt(7)) {
                case 0 -> sb.setLength(pos);
                case 1 -> { if (pos < sb.length()) sb.deleteCharAt(pos); }
                case 2 -> sb.insert(pos, junk.charAt(r.nextInt(junk.length())));
                case 3 -> sb.insert(pos, tokens[r.nextInt(tokens.length)]);
                case 4 -> {
                    int end = sb.indexOf("\n");
                    if (end > 0) sb.insert(0, sb.substring(0, end + 1));
                }
                case 5 -> sb.insert(pos, newline(r));
                default -> sb.setLength(0);
            }
        }
        return sb.toString();
    }
}
