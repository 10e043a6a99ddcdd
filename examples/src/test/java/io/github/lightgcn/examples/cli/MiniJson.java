package io.github.lightgcn.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict little JSON parser for the tests (objects, arrays, strings, numbers, true/false/null): it throws on
 * anything that is not valid JSON, so a test that parses the metrics file also checks that it is well formed.
 */
public final class MiniJson {

    private final String s;
    private int p;

    private MiniJson(String s) { this.s = s; }

    public static Object parse(String text) {
        MiniJson j = new MiniJson(text);
        Object v = j.value();
        j.blanks();
        if (j.p != text.length()) throw j.error("trailing characters");
        return v;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object v) { return (Map<String, Object>) v; }

    private Object value() {
        blanks();
        if (p >= s.length()) throw error("unexpected end");
        char c = s.charAt(p);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        p++;
        blanks();
        if (peek() == '}') { p++; return m; }
        while (true) {
            blanks();
            if (peek() != '"') throw error("key expected");
            String key = string();
            blanks();
            expect(':');
            if (m.put(key, value()) != null) throw error("duplicate key " + key);
            blanks();
            if (peek() == ',') { p++; continue; }
            expect('}');
            return m;
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        p++;
        blanks();
        if (peek() == ']') { p++; return list; }
        while (true) {
            list.add(value());
            blanks();
            if (peek() == ',') { p++; continue; }
            expect(']');
            return list;
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p >= s.length()) throw error("unterminated string");
            char c = s.charAt(p++);
            if (c == '"') return sb.toString();
            if (c < 0x20) throw error("control character in string");
            if (c != '\\') { sb.append(c); continue; }
            char e = s.charAt(p++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> { sb.append((char) Integer.parseInt(s.substring(p, p + 4), 16)); p += 4; }
                default -> throw error("bad escape");
            }
        }
    }

    private Double number() {
        int start = p;
        if (peek() == '-') p++;
        if (peek() == '0') p++;
        else if (Character.isDigit(peek())) while (Character.isDigit(peek())) p++;
        else throw error("value expected");
        if (peek() == '.') {
            p++;
            if (!Character.isDigit(peek())) throw error("digit expected");
            while (Character.isDigit(peek())) p++;
        }
        if (peek() == 'e' || peek() == 'E') {
            p++;
            if (peek() == '+' || peek() == '-') p++;
            if (!Character.isDigit(peek())) throw error("digit expected");
            while (Character.isDigit(peek())) p++;
        }
        return Double.parseDouble(s.substring(start, p));
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, p)) throw error("bad literal");
        p += word.length();
        return v;
    }

    private void expect(char c) {
        if (peek() != c) throw error("'" + c + "' expected");
        p++;
    }

    private char peek() { return p < s.length() ? s.charAt(p) : '\0'; }

    private void blanks() { while (p < s.length() && " \t\r\n".indexOf(s.charAt(p)) >= 0) p++; }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at offset " + p + ": " + what);
    }
}
