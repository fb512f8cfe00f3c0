package tech.brokerbridge.launcher.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a setting's text is parsed and checked. {@link #check} returns a problem message, or empty when
 * the value is fine.
 */
public sealed interface SettingType {
    Optional<String> check(String value);

    /** Human description of the accepted values, for the README and error messages. */
    String accepted();

    /** Whole number in [min, max]. */
    record IntRange(long min, long max) implements SettingType {
        @Override
        public Optional<String> check(String value) {
            try {
                long v = Long.parseLong(value.trim());
                return v < min || v > max ? Optional.of("must be between " + min + " and " + max) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of("must be a whole number");
            }
        }

        @Override
        public String accepted() {
            return "integer " + min + "–" + max;
        }
    }

    /** Decimal number in (min, max] when {@code exclusiveMin}, else [min, max]. */
    record DecimalRange(double min, double max, boolean exclusiveMin) implements SettingType {
        @Override
        public Optional<String> check(String value) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                return Optional.of("must be a number");
            }
            boolean low = exclusiveMin ? v <= min : v < min;
            if (Double.isNaN(v) || low || v > max) {
                return Optional.of("must be " + (exclusiveMin ? "greater than " : "at least ") + fmt(min)
                        + " and at most " + fmt(max));
            }
            return Optional.empty();
        }

        @Override
        public String accepted() {
            return "number " + (exclusiveMin ? ">" : "≥") + " " + fmt(min) + ", ≤ " + fmt(max);
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** One of a fixed set of words. */
    record OneOf(List<String> values) implements SettingType {
        public OneOf {
            values = List.copyOf(values);
        }

        @Override
        public Optional<String> check(String value) {
            return values.contains(value.trim().toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", values));
        }

        @Override
        public String accepted() {
            return String.join(" \\| ", values);
        }
    }

    /** {@code true} or {@code false}. */
    record Bool() implements SettingType {
        @Override
        public Optional<String> check(String value) {
            return Set.of("true", "false").contains(value.trim().toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("must be true or false");
        }

        @Override
        public String accepted() {
            return "true \\| false";
        }
    }

    /** Free text, optionally matching a pattern. */
    record Text(Optional<Pattern> pattern, String describe) implements SettingType {
        @Override
        public Optional<String> check(String value) {
            return pattern.isEmpty() || pattern.get().matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be " + describe);
        }

        @Override
        public String accepted() {
            return describe;
        }
    }

    /** Comma-separated list whose items match a pattern; empty allowed when {@code minItems} is 0. */
    record CsvList(Pattern item, String describe, int minItems) implements SettingType {
        @Override
        public Optional<String> check(String value) {
            List<String> items = split(value);
            if (items.size() < minItems) {
                return Optional.of("must list at least " + minItems + " item" + (minItems == 1 ? "" : "s"));
            }
            for (String it : items) {
                if (!item.matcher(it).matches()) {
                    return Optional.of("item '" + it + "' is not " + describe);
                }
            }
            return Optional.empty();
        }

        @Override
        public String accepted() {
            return "comma-separated " + describe;
        }

        public static List<String> split(String value) {
            List<String> out = new ArrayList<>();
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
            return out;
        }
    }

    /** {@code N/Ws}, {@code N/Wm} or {@code N/Wh}: N requests per window, e.g. {@code 100/60s}. */
    record Rate() implements SettingType {
        static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,6})\\s*([smh])\\s*");

        @Override
        public Optional<String> check(String value) {
            Matcher m = FORMAT.matcher(value);
            if (!m.matches()) {
                return Optional.of("must look like 100/60s (requests/window with s, m or h)");
            }
            if (Long.parseLong(m.group(1)) < 1 || Long.parseLong(m.group(2)) < 1) {
                return Optional.of("requests and window must be at least 1");
            }
            return Optional.empty();
        }

        @Override
        public String accepted() {
            return "requests/window, e.g. 100/60s, 5000/1m";
        }
    }
}
