package tech.brokerbridge.launcher.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import tech.brokerbridge.ports.Secret;

/**
 * The effective, validated configuration: every key's value and where it came from. Immutable.
 */
public final class Config {
    private final Path home;
    private final Map<String, String> values;
    private final Map<String, String> sources;

    Config(Path home, Map<String, String> values, Map<String, String> sources) {
        this.home = Objects.requireNonNull(home, "home");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** The data directory. */
    public Path home() {
        return home;
    }

    public Optional<String> value(String key) {
        requireKnown(key);
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public String text(String key) {
        return value(key).orElseThrow(() -> new IllegalStateException("no value for " + key));
    }

    public int integer(String key) {
        return Integer.parseInt(text(key).trim());
    }

    public double decimal(String key) {
        return Double.parseDouble(text(key).trim());
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(text(key).trim());
    }

    public List<String> list(String key) {
        return value(key).map(SettingType.CsvList::split).orElse(List.of());
    }

    /** A secret setting, wrapped so it cannot be printed by accident. */
    public Optional<Secret> secret(String key) {
        return value(key).map(Secret::of);
    }

    /** Requests allowed per window, from a rate setting such as {@code 100/60s}. */
    public int rateRequests(String key) {
        Matcher m = rate(key);
        return Integer.parseInt(m.group(1));
    }

    /** The window of a rate setting such as {@code 100/60s}. */
    public Duration rateWindow(String key) {
        Matcher m = rate(key);
        long n = Long.parseLong(m.group(2));
        return switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
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
        for (Setting s : Settings.all()) {
            String v = values.get(s.key());
            Object shown;
            if (v == null || v.isEmpty()) {
                shown = s.secret() ? "(unset)" : "";
            } else {
                shown = s.secret() ? "****" : v;
            }
            out.put(s.key(), Map.of("value", shown, "source", source(s.key())));
        }
        return out;
    }

    private Matcher rate(String key) {
        Matcher m = SettingType.Rate.FORMAT.matcher(text(key));
        if (!m.matches()) {
            throw new IllegalStateException(key + " is not a rate");
        }
        return m;
    }

    private static void requireKnown(String key) {
        if (Settings.find(key).isEmpty()) {
            throw new IllegalArgumentException("unknown configuration key " + key);
        }
    }
}
