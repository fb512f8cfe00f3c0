package tech.brokerbridge.paper.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small, strict JSON the paper account file is written in (the adapter has no JSON library and
 * needs none). A value is a {@code Map<String, Object>} (object, keys in order), a {@code List<Object>}
 * (array), a {@code String}, a {@link Num} or a {@code Boolean}. {@code null} is not used and not read.
 *
 * <p>Reading follows RFC 8259 and refuses anything else: duplicate keys, trailing commas, comments,
 * leading zeros, raw control characters in strings, bad escapes, trailing text, nesting deeper than
 * {@value #MAX_DEPTH}. Errors are {@link IllegalArgumentException}s that say where.
 */
final class Json {
    static final int MAX_DEPTH = 16;

    private Json() {
    }

    /** A number kept as its text, so that a long and a double both come back exactly. */
    record Num(String text) {
        static Num of(long value) {
            return new Num(Long.toString(value));
        }

        static Num of(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not a finite number: " + value);
            }
            return new Num(Double.toString(value)); // round-trips exactly through Double.parseDouble
        }
    }

    // ---- writing ----

    /** The value as indented JSON text with a final newline. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            writeObject(out, map, indent);
        } else if (value instanceof List<?> list) {
            writeArray(out, list, indent);
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Num n) {
            out.append(n.text());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + (value == null ? "null" : value.getClass()));
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String sep = "\n";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(sep);
            pad(out, indent + 1);
            quote(out, (String) e.getKey());
            out.append(": ");
            write(out, e.getValue(), indent + 1);
            sep = ",\n";
        }
        out.append('\n');
        pad(out, indent);
        out.append('}');
    }

    private static void writeArray(StringBuilder out, List<?> list, int indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String sep = "\n";
        for (Object item : list) {
            out.append(sep);
            pad(out, indent + 1);
            write(out, item, indent + 1);
            sep = ",\n";
        }
        out.append('\n');
        pad(out, indent);
        out.append(']');
    }

    private static void pad(StringBuilder out, int indent) {
        out.append("  ".repeat(indent));
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // ---- reading ----

    /** Parses one JSON value that makes up the whole text. */
    static Object read(String text) {
        Reader r = new Reader(text);
        r.skipSpace();
        Object value = r.value(0);
        r.skipSpace();
        if (r.pos != text.length()) {
            throw r.error("unexpected text after the end");
        }
        return value;
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            if (pos >= s.length()) {
                throw error("unexpected end of text");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Map<String, Object> object(int depth) {
            pos++; // {
            Map<String, Object> map = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a key in quotes");
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                if (map.put(key, value(depth + 1)) != null) {
                    throw error("duplicate key \"" + key + "\"");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array(int depth) {
            pos++; // [
            List<Object> list = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value(depth + 1));
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            pos++; // opening quote
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(unicodeEscape());
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private char unicodeEscape() {
            if (pos + 4 > s.length()) {
                throw error("short \\u escape");
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int d = Character.digit(s.charAt(pos++), 16);
                if (d < 0) {
                    throw error("bad \\u escape");
                }
                v = v * 16 + d;
            }
            return (char) v;
        }

        private Num number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("bad number");
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error("bad number: digits must follow the point");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("bad number: digits must follow the exponent");
                }
                digits();
            }
            return new Num(s.substring(start, pos));
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private Boolean literal(String word, Boolean value) {
            if (!s.startsWith(word, pos)) {
                throw error("unexpected word");
            }
            pos += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /** The next character, or NUL at the end (never valid where a character is expected). */
        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void skipSpace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < Math.min(pos, s.length()); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new IllegalArgumentException("JSON syntax error at line " + line + ", column " + col + ": " + what);
        }
    }
}
