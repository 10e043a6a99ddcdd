package io.github.lightgcn.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of one request, decoded strictly (UTF-8 percent-encoding, {@code +} for a blank), each
 * checked against the endpoint's parameters: an unknown or repeated parameter, a bad encoding, a control character
 * or a value out of range is an {@link ApiException} (400) naming the parameter and what it takes.
 */
final class Query {

    private final String endpoint;
    private final Map<String, String> values;

    private Query(String endpoint, Map<String, String> values) {
        this.endpoint = endpoint;
        this.values = values;
    }

    /** Parses {@code raw} (the query string, or null) for {@code endpoint}, which takes only {@code allowed}. */
    static Query parse(String endpoint, String raw, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            if (raw.length() > 8 * ServerOptions.MAX_QUERY_CHARS) {
                throw ApiException.badRequest("the query string is " + raw.length() + " characters long; at most "
                        + 8 * ServerOptions.MAX_QUERY_CHARS + " are taken");
            }
            for (String pair : raw.split("&", -1)) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "parameter '" + name + "'");
                if (!allowed.contains(name)) {
                    throw ApiException.badRequest("unknown parameter '" + Echo.of(name) + "'; " + endpoint
                            + (allowed.isEmpty() ? " takes no parameters" : " takes " + String.join(", ", allowed)));
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw ApiException.badRequest("parameter '" + name + "' is given twice");
                }
                if (value.length() > ServerOptions.MAX_QUERY_CHARS) {
                    throw ApiException.badRequest("parameter '" + name + "' is " + value.length()
                            + " characters long; at most " + ServerOptions.MAX_QUERY_CHARS + " are taken");
                }
                if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw ApiException.badRequest("parameter '" + name + "' contains a control character");
                }
            }
        }
        return new Query(endpoint, values);
    }

    /** The value, or null when absent. */
    String string(String name) { return values.get(name); }

    /** The value, which must be present and not blank. */
    String required(String name, String what) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("parameter '" + name + "' is required: " + what + " (1 to "
                    + ServerOptions.MAX_QUERY_CHARS + " characters)");
        }
        return v;
    }

    /** An integer in [min, max], or {@code absent} when the parameter is not given. */
    int integer(String name, int min, int max, int absent) {
        String v = values.get(name);
        if (v == null) return absent;
        return Query.checkedInt(name, v, min, max);
    }

    static int checkedInt(String name, String v, int min, int max) {
        long parsed;
        try {
            parsed = v.length() > 11 ? Long.MAX_VALUE : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            parsed = Long.MAX_VALUE;
        }
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest(String.format(Locale.ROOT, "parameter '%s' must be an integer in [%d, %d], "
                    + "got '%s'", name, min, max, Echo.of(v)));
        }
        return (int) parsed;
    }

    /** {@code true} or {@code false}; {@code absent} when not given. */
    boolean bool(String name, boolean absent) {
        String v = values.get(name);
        if (v == null) return absent;
        if (v.equals("true") || v.equals("1")) return true;
        if (v.equals("false") || v.equals("0")) return false;
        throw ApiException.badRequest("parameter '" + name + "' must be true or false, got '" + Echo.of(v) + "'");
    }

    boolean isEmpty() { return values.isEmpty(); }

    @Override
    public String toString() { return endpoint + values; }

    private static String decode(String s, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (lo < 0) throw ApiException.badRequest(what + " has a bad percent-encoding (%XX, X a hex digit)");
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7e) {
                throw ApiException.badRequest(what + " has a character that must be percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(what + " is not UTF-8 once percent-decoded");
        }
    }
}
