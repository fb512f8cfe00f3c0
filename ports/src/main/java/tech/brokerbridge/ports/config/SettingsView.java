package tech.brokerbridge.ports.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed read access to configured values: what an owner builds itself from. A view holds values
 * that passed their declarations and their owners' rules. Thread-safe and immutable in every
 * implementation.
 */
public interface SettingsView {
    /**
     * The value of {@code setting}: the configured one, else its default; empty only for a setting
     * without a default that is not configured (a secret).
     *
     * @throws IllegalArgumentException when this view does not hold that setting
     */
    <T> Optional<T> find(Setting<T> setting);

    /**
     * The value of a setting known by its key only (declared by a module the caller cannot see), of
     * its declaration's value type; empty as for {@link #find(Setting)}.
     *
     * @throws IllegalArgumentException when this view does not hold that key
     */
    Optional<Object> find(String key);

    /**
     * The value of a setting that has one.
     *
     * @throws IllegalStateException when it has none (an unset secret)
     */
    default <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new IllegalStateException("no value for " + setting.key()));
    }

    /** Every declaration's default: what an owner's {@code defaults()} builds from. */
    static SettingsView defaults() {
        return of(Map.of());
    }

    /**
     * These values, over the defaults of any other setting asked for. Each value must be of its
     * setting's value type; it is not checked against the declaration (see {@link SettingGroup#require}).
     */
    static SettingsView of(Map<? extends Setting<?>, ?> values) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        values.forEach((s, v) -> byKey.put(s.key(), Objects.requireNonNull(v, s.key())));
        return new SettingsView() {
            @Override
            public <T> Optional<T> find(Setting<T> setting) {
                Object v = byKey.get(setting.key());
                if (v == null) {
                    return setting.defaultValue();
                }
                @SuppressWarnings("unchecked")
                T typed = (T) setting.type().valueType().cast(v);
                return Optional.of(typed);
            }

            @Override
            public Optional<Object> find(String key) {
                if (!byKey.containsKey(key)) {
                    throw new IllegalArgumentException("this view does not hold " + key);
                }
                return Optional.of(byKey.get(key));
            }
        };
    }
}
