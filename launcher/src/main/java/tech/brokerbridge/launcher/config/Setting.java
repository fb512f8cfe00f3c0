package tech.brokerbridge.launcher.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key: its name ({@code a.b_c}), type, default, description and where it may come
 * from. The environment variable is {@code BROKERBRIDGE_A_B_C}, plus any documented alias.
 *
 * @param secret a secret value: masked in diagnostics, never accepted from {@code config.json}
 */
public record Setting(String key, SettingType type, Optional<String> defaultValue, String description,
        boolean secret, List<String> envAliases) {
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        envAliases = List.copyOf(envAliases);
    }

    /** {@code a.b_c} → {@code BROKERBRIDGE_A_B_C}. */
    public String envName() {
        return "BROKERBRIDGE_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The canonical environment variable followed by its aliases. */
    public List<String> envNames() {
        List<String> names = new java.util.ArrayList<>();
        names.add(envName());
        names.addAll(envAliases);
        return names;
    }
}
