package tech.brokerbridge.launcher.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * The effective, validated configuration: every setting's typed value and where it came from, and
 * the environment and flags it was loaded with (so that it can be loaded again over another
 * {@code config.json}). Immutable; the owners build themselves from it ({@link SettingsView}).
 */
public final class Config implements SettingsView {
    private final Path home;
    private final Map<String, Object> values;
    private final Map<String, String> sources;
    private final Map<String, String> env;
    private final List<ConfigLoader.Flag> flags;

    Config(Path home, Map<String, Object> values, Map<String, String> sources, Map<String, String> env,
            List<ConfigLoader.Flag> flags) {
        this.home = Objects.requireNonNull(home, "home");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.env = Map.copyOf(env);
        this.flags = List.copyOf(flags);
    }

    /** The data directory. */
    public Path home() {
        return home;
    }

    @Override
    public <T> Optional<T> find(Setting<T> setting) {
        requireKnown(setting.key());
        @SuppressWarnings("unchecked")
        T value = (T) values.get(setting.key());
        return Optional.ofNullable(value);
    }

    @Override
    public Optional<Object> find(String key) {
        requireKnown(key);
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key} as text, as the environment would give it; empty when unset or empty. */
    public Optional<String> value(String key) {
        return find(key).map(v -> format(key, v)).filter(v -> !v.isEmpty());
    }

    /** The value of {@code key} as text ("" when unset). */
    public String text(String key) {
        return value(key).orElse("");
    }

    /** Where the value of {@code key} came from: default, config.json, environment variable or flag. */
    public String source(String key) {
        requireKnown(key);
        return sources.getOrDefault(key, "unset");
    }

    /** Every key with its value (secrets masked) and source, for diagnostics. */
    public Map<String, Object> masked() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("home", home.toString());
        for (Setting<?> s : Settings.all()) {
            String v = value(s.key()).orElse("");
            Object shown;
            if (v.isEmpty()) {
                shown = s.secret() ? "(unset)" : "";
            } else {
                shown = s.secret() ? "****" : v;
            }
            out.put(s.key(), Map.of("value", shown, "source", source(s.key())));
        }
        return out;
    }

    /** The environment it was loaded with. */
    Map<String, String> environment() {
        return env;
    }

    /** The command-line values it was loaded with. */
    List<ConfigLoader.Flag> flags() {
        return flags;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String format(String key, Object value) {
        Setting s = Settings.find(key).orElseThrow();
        return s.type().format(value);
    }

    private static void requireKnown(String key) {
        if (Settings.find(key).isEmpty()) {
            throw new IllegalArgumentException("unknown configuration key " + key);
        }
    }
}
