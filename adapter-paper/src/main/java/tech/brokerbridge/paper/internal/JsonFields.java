package tech.brokerbridge.paper.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict, typed access to the fields of one {@link Json} object: each getter refuses a missing or
 * ill-typed field, and {@link #end()} refuses the fields nobody asked for. Errors are
 * {@link IllegalArgumentException}s that say where ({@code where}, e.g. {@code leg 0 of bracket prp-...}).
 */
final class JsonFields {
    private final String where;
    private final Map<String, Object> map;
    private final Set<String> seen = new HashSet<>();

    JsonFields(String where, Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) value;
        this.where = where;
        this.map = m;
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    Object value(String key) {
        seen.add(key);
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException(where + ": missing \"" + key + "\"");
        }
        return v;
    }

    String string(String key) {
        if (value(key) instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string");
    }

    long integer(String key) {
        if (value(key) instanceof Json.Num n) {
            try {
                return Long.parseLong(n.text());
            } catch (NumberFormatException e) {
                throw wrongType(key, "a whole number");
            }
        }
        throw wrongType(key, "a whole number");
    }

    double decimal(String key) {
        if (value(key) instanceof Json.Num n) {
            double d = Double.parseDouble(n.text());
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw wrongType(key, "a finite number");
    }

    List<Object> array(String key) {
        if (value(key) instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw wrongType(key, "an array");
    }

    JsonFields object(String key) {
        return new JsonFields(where + "." + key, value(key));
    }

    Set<String> keys() {
        return map.keySet();
    }

    /** Refuses fields that were not read: a file this code did not write. */
    void end() {
        for (String key : map.keySet()) {
            if (!seen.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown field \"" + key + "\"");
            }
        }
    }

    private IllegalArgumentException wrongType(String key, String what) {
        return new IllegalArgumentException(where + ": \"" + key + "\" must be " + what);
    }
}
