package io.github.lightgcn.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal JSON object writer for the metrics file (no dependency needed for a handful of flat values). Values
 * are numbers, strings, booleans, null or nested {@code Json} objects; keys keep their insertion order.
 */
public final class Json {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Json put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Pretty-printed with two-space indentation and a final newline. */
    String render() {
        StringBuilder sb = new StringBuilder();
        write(sb, 0);
        return sb.append('\n').toString();
    }

    private void write(StringBuilder sb, int indent) {
        if (fields.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        int n = 0;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            sb.append("  ".repeat(indent + 1));
            string(sb, e.getKey());
            sb.append(": ");
            value(sb, e.getValue(), indent + 1);
            sb.append(++n < fields.size() ? ",\n" : "\n");
        }
        sb.append("  ".repeat(indent)).append('}');
    }

    private static void value(StringBuilder sb, Object v, int indent) {
        switch (v) {
            case null -> sb.append("null");
            case Json j -> j.write(sb, indent);
            case Boolean b -> sb.append(b);
            case Double d -> sb.append(d.isNaN() || d.isInfinite() ? "null" : d.toString()); // shortest exact form
            case Number x -> sb.append(x);
            default -> string(sb, v.toString());
        }
    }

    static void string(StringBuilder sb, String s) {
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
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
