package tech.brokerbridge.ports.config;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.Require;

/**
 * One configuration setting, declared once by the config record that consumes it.
 *
 * <p>Its key is {@code a.b_c}; its environment variable is {@code BROKERBRIDGE_A_B_C}, plus any
 * {@code envAliases}. Where the value may come from (a file, the environment, a flag) and in which
 * order is the launcher's business; what it may be is this declaration's. Immutable.
 *
 * @param key the dotted snake_case key, e.g. {@code risk.max_open_trades}
 * @param type the value type with its range, choices or pattern
 * @param defaultValue the value when none is configured; empty for a secret, which is unset by default
 * @param description one line for the README and diagnostics
 * @param secret masked in diagnostics and messages, read from the environment only
 * @param envAliases extra environment variable names, after the canonical one
 * @param <T> the value type
 */
public record Setting<T>(String key, SettingType<T> type, Optional<T> defaultValue, String description, boolean secret,
        List<String> envAliases) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public Setting {
        Require.nonNull("key", key, "type", type, "defaultValue", defaultValue, "description", description);
        envAliases = List.copyOf(envAliases);
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a setting key: " + key);
        }
        defaultValue.ifPresent(d -> {
            if (!type.valueType().isInstance(d)) {
                throw new IllegalArgumentException(key + ": the default is not a " + type.valueType().getSimpleName());
            }
            type.check(d).ifPresent(p -> {
                throw new IllegalArgumentException(key + ": the default " + p);
            });
        });
    }

    /** A whole number in [min, max]. */
    public static Setting<Integer> integer(String key, int min, int max, int defaultValue, String description) {
        return new Setting<>(key, new SettingType.IntRange(min, max), Optional.of(defaultValue), description, false,
                List.of());
    }

    /** A decimal number in [min, max]. */
    public static Setting<Double> decimal(String key, double min, double max, double defaultValue, String description) {
        return new Setting<>(key, new SettingType.DecimalRange(min, max, false), Optional.of(defaultValue), description,
                false, List.of());
    }

    /** A decimal number greater than min and at most max. */
    public static Setting<Double> decimalAbove(String key, double min, double max, double defaultValue,
            String description) {
        return new Setting<>(key, new SettingType.DecimalRange(min, max, true), Optional.of(defaultValue), description,
                false, List.of());
    }

    /** One of {@code choices} (lower-case words). */
    public static Setting<String> choice(String key, List<String> choices, String defaultValue, String description) {
        return new Setting<>(key, new SettingType.OneOf(choices), Optional.of(defaultValue), description, false,
                List.of());
    }

    /** {@code true} or {@code false}. */
    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return new Setting<>(key, new SettingType.Bool(), Optional.of(defaultValue), description, false, List.of());
    }

    /** Text matching {@code pattern}, described as {@code describe} ("a host name or address"). */
    public static Setting<String> text(String key, Pattern pattern, String describe, String defaultValue,
            String description) {
        return new Setting<>(key, new SettingType.Text(pattern, describe), Optional.of(defaultValue), description,
                false, List.of());
    }

    /** A list of {@code minItems} to {@code maxItems} items matching {@code item}. */
    public static Setting<List<String>> list(String key, Pattern item, String describeItem, int minItems, int maxItems,
            List<String> defaultValue, String description) {
        return new Setting<>(key, new SettingType.TextList(item, describeItem, minItems, maxItems),
                Optional.of(List.copyOf(defaultValue)), description, false, List.of());
    }

    /** An http(s) URL. */
    public static Setting<URI> url(String key, URI defaultValue, String description) {
        return new Setting<>(key, new SettingType.HttpUrl(), Optional.of(defaultValue), description, false, List.of());
    }

    /** A rate {@code N/W}: N 1 to {@code maxRequests}, W 1 s to {@code maxWindow}. */
    public static Setting<Rate> rate(String key, int maxRequests, Duration maxWindow, Rate defaultValue,
            String description) {
        return new Setting<>(key, new SettingType.RateLimit(maxRequests, maxWindow), Optional.of(defaultValue),
                description, false, List.of());
    }

    /** A secret text matching {@code pattern}: no default, masked, environment only. */
    public static Setting<String> secret(String key, Pattern pattern, String describe, String description) {
        return new Setting<>(key, new SettingType.Text(pattern, describe), Optional.empty(), description, true,
                List.of());
    }

    /** This setting with extra environment variable names. */
    public Setting<T> withAliases(String... names) {
        List<String> all = new ArrayList<>(envAliases);
        all.addAll(List.of(names));
        return new Setting<>(key, type, defaultValue, description, secret, all);
    }

    /** {@code a.b_c} → {@code BROKERBRIDGE_A_B_C}. */
    public String envName() {
        return "BROKERBRIDGE_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The canonical environment variable followed by its aliases. */
    public List<String> envNames() {
        List<String> names = new ArrayList<>();
        names.add(envName());
        names.addAll(envAliases);
        return names;
    }

    /** Reads a value as given (see {@link SettingType#read}). */
    public Parsed<T> read(Object given) {
        return type.read(given);
    }

    /**
     * The problem of a typed value made in code, as a sentence naming the key (and the value, unless
     * the setting is secret); empty when it is acceptable.
     */
    public Optional<String> problem(Object value) {
        if (!type.valueType().isInstance(value)) {
            return Optional.of(key + " must be a " + type.valueType().getSimpleName() + ", got "
                    + (value == null ? "nothing" : value.getClass().getSimpleName()));
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return type.check(typed).map(p -> key + " " + p + (echoes() ? ", got " + value : ""));
    }

    /**
     * Whether a message about a bad value may repeat it: not for a secret, nor for a URL (it may carry
     * a credential in its user info or query).
     */
    public boolean echoes() {
        return !secret && !(type instanceof SettingType.HttpUrl);
    }

    /**
     * For a setting of whole {@code unit}s ({@code scan_interval_minutes}), the problem of a duration
     * made in code: it must be more than zero (at least zero when the setting's minimum is 0) and at
     * most the setting's maximum. Durations finer than one unit are accepted: code may need them where
     * a user configures whole units.
     *
     * @throws IllegalStateException when this setting is not a whole number
     */
    public Optional<String> durationProblem(Duration value, ChronoUnit unit) {
        if (!(type instanceof SettingType.IntRange r)) {
            throw new IllegalStateException(key + " is not a whole number of " + unit);
        }
        boolean zeroAllowed = r.min() <= 0;
        Duration max = Duration.of(r.max(), unit);
        if (value != null && !value.isNegative() && (zeroAllowed || !value.isZero()) && value.compareTo(max) <= 0) {
            return Optional.empty();
        }
        String range = zeroAllowed ? "between 0 and " + r.max() : "more than 0 and at most " + r.max();
        return Optional.of(key + " must be " + range + " " + unit.toString().toLowerCase(Locale.ROOT) + ", got "
                + (value == null ? "nothing" : value));
    }

    /** The default as text ("" when there is none). */
    public String defaultText() {
        return defaultValue.map(type::format).orElse("");
    }
}
