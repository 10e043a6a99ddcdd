package io.github.lightgcn.io.internal;

import io.github.lightgcn.io.DataFormatException;

/** The field rules every CSV reader applies: integers, text that was not valid UTF-8, values quoted in messages. */
public final class CsvFields {

    /** What {@link #parseInt} returns for a field that is not an int. */
    public static final long NOT_AN_INT = Long.MIN_VALUE;

    private CsvFields() {}

    /**
     * A decimal integer (optional sign, blanks around it allowed: characters up to {@code ' '}) without exceptions
     * on the hot path, or {@link #NOT_AN_INT} when the field is not one or does not fit in an int.
     */
    public static long parseInt(String s) {
        int from = 0, to = s.length();
        while (from < to && s.charAt(from) <= ' ') from++;
        while (to > from && s.charAt(to - 1) <= ' ') to--;
        boolean negative = from < to && s.charAt(from) == '-';
        if (from < to && (s.charAt(from) == '-' || s.charAt(from) == '+')) from++;
        if (from == to || to - from > 10) return NOT_AN_INT;
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return NOT_AN_INT;
            v = v * 10 + (c - '0');
        }
        if (negative) v = -v;
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? NOT_AN_INT : v;
    }

    /** Whether a field holds a decimal integer of any size (optional sign, surrounding blanks allowed). */
    public static boolean isInteger(String s) {
        String t = s.strip();
        int start = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        if (t.length() == start) return false;
        for (int i = start; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        return true;
    }

    /** A header names columns; a data row, even a malformed one, has at least one int in it. */
    public static boolean isHeader(CsvReader record) {
        for (int i = 0; i < record.size(); i++) if (parseInt(record.get(i)) != NOT_AN_INT) return false;
        return true;
    }

    /** The text of field {@code i} of the current record, unless it holds bytes that were not valid UTF-8. */
    public static String text(CsvReader record, int i, String field) throws DataFormatException {
        String value = record.get(i);
        if (value.indexOf('\uFFFD') >= 0) throw record.error(field, "not valid UTF-8 (" + quote(value) + ")");
        return value;
    }

    /** Quotes a field value for a problem message, shortened and escaped ({@link Echo}). */
    public static String quote(String value) { return Echo.quote(value); }
}
