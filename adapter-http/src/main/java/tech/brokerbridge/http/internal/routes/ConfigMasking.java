package tech.brokerbridge.http.internal.routes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ports.Secret;

/**
 * Masks an effective-configuration tree before it is shown: every value under a key containing
 * token, key, secret or password, every {@link Secret}, and any string equal to the admin token.
 * Values of unknown types are shown as their {@code toString()} (never serialized field by field).
 */
final class ConfigMasking {
    static final String MASK = "****";
    private static final List<String> SENSITIVE = List.of("token", "key", "secret", "password");

    private ConfigMasking() {
    }

    static Map<String, Object> mask(Map<String, ?> config, Optional<Secret> adminToken) {
        String token = adminToken.filter(t -> !t.isEmpty()).map(Secret::reveal).orElse(null);
        return maskMap(config, token);
    }

    private static Map<String, Object> maskMap(Map<?, ?> map, String token) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            out.put(key, sensitive(key) ? MASK : maskValue(v, token));
        });
        return out;
    }

    private static Object maskValue(Object v, String token) {
        if (v == null || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        if (v instanceof Secret) {
            return MASK;
        }
        if (v instanceof Map<?, ?> m) {
            return maskMap(m, token);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(e -> out.add(maskValue(e, token)));
            return out;
        }
        if (v instanceof Optional<?> o) {
            return o.map(x -> maskValue(x, token)).orElse(null);
        }
        String s = String.valueOf(v);
        return token != null && s.contains(token) ? MASK : s;
    }

    private static boolean sensitive(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String word : SENSITIVE) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
