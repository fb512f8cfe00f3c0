package tech.brokerbridge.ports.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.Require;

/**
 * What a setting accepts: its value type and its range, choices or pattern. This is the one place a
 * setting's range is written; every message about a value out of range says the range.
 *
 * <p>{@link #read} takes a value as it was given: text (an environment variable, a command-line
 * flag) or a value of {@code config.json} or of the setup API ({@link String}, {@link Number},
 * {@link Boolean} or a {@link List} of those). {@link #check} checks a typed value made in code (a
 * config record's constructor). Problems are predicates ("must be between 1 and 100") that never
 * repeat the value: the caller names the key and, unless the setting is secret, the value.
 *
 * @param <T> the value type
 */
public sealed interface SettingType<T> {
    /** Reads a value as given (text, or a JSON-like value). */
    Parsed<T> read(Object given);

    /** The problem of a typed value, or empty when it is acceptable. */
    Optional<String> check(T value);

    /** What is accepted, for documentation and messages, e.g. {@code 1–100}. */
    String accepted();

    /** The value as text, as an environment variable would give it. */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** The Java type of the values. */
    default Class<?> valueType() {
        if (this instanceof IntRange) {
            return Integer.class;
        }
        if (this instanceof DecimalRange) {
            return Double.class;
        }
        if (this instanceof Bool) {
            return Boolean.class;
        }
        if (this instanceof TextList) {
            return List.class;
        }
        if (this instanceof HttpUrl) {
            return URI.class;
        }
        return this instanceof RateLimit ? Rate.class : String.class;
    }

    /** A whole number in [{@code min}, {@code max}]. */
    record IntRange(int min, int max) implements SettingType<Integer> {
        public IntRange {
            if (min > max) {
                throw new IllegalArgumentException("min > max");
            }
        }

        @Override
        public Parsed<Integer> read(Object given) {
            BigInteger v;
            if (given instanceof Integer || given instanceof Long || given instanceof Short) {
                v = BigInteger.valueOf(((Number) given).longValue());
            } else if (given instanceof BigInteger b) {
                v = b;
            } else if (given instanceof String s && s.strip().matches("[+-]?\\d{1,4000}")) {
                v = new BigInteger(s.strip());
            } else {
                return new Parsed.Problem<>("must be a whole number between " + min + " and " + max);
            }
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                return new Parsed.Problem<>(range());
            }
            return new Parsed.Value<>(v.intValue());
        }

        @Override
        public Optional<String> check(Integer value) {
            return value == null || value < min || value > max ? Optional.of(range()) : Optional.empty();
        }

        private String range() {
            return "must be between " + min + " and " + max;
        }

        @Override
        public String accepted() {
            return max == Integer.MAX_VALUE ? "≥ " + min : min + "–" + max;
        }
    }

    /** A finite decimal number in ({@code min}, {@code max}] when {@code exclusiveMin}, else [{@code min}, {@code max}]. */
    record DecimalRange(double min, double max, boolean exclusiveMin) implements SettingType<Double> {
        @Override
        public Parsed<Double> read(Object given) {
            double v;
            if (given instanceof Number n && !(given instanceof BigDecimal)) {
                v = n.doubleValue();
            } else if (given instanceof BigDecimal d) {
                v = d.doubleValue();
            } else if (given instanceof String s && s.strip().matches("[+-]?(\\d{1,400}(\\.\\d{0,400})?|\\.\\d{1,400})([eE][+-]?\\d{1,4})?")) {
                v = Double.parseDouble(s.strip());
            } else {
                return new Parsed.Problem<>("must be a number " + range().substring("must be ".length()));
            }
            return check(v).<Parsed<Double>>map(Parsed.Problem::new).orElseGet(() -> new Parsed.Value<>(v));
        }

        @Override
        public Optional<String> check(Double value) {
            boolean low = value == null || (exclusiveMin ? value <= min : value < min);
            return low || !Double.isFinite(value) || value > max ? Optional.of(range()) : Optional.empty();
        }

        private String range() {
            return "must be " + (exclusiveMin ? "greater than " : "at least ") + fmt(min) + " and at most " + fmt(max);
        }

        @Override
        public String accepted() {
            return exclusiveMin ? "> " + fmt(min) + ", ≤ " + fmt(max) : fmt(min) + "–" + fmt(max);
        }

        /** {@code 5.0}, {@code 0.35}; whole amounts from 1000 on without decimals ({@code 100000}). */
        @Override
        public String format(Double value) {
            return value == Math.rint(value) && Math.abs(value) >= 1000 ? fmt(value) : Double.toString(value);
        }


        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** One of a fixed set of lower-case words; any case is read, the value is lower-case. */
    record OneOf(List<String> choices) implements SettingType<String> {
        public OneOf {
            choices = List.copyOf(choices);
        }

        @Override
        public Parsed<String> read(Object given) {
            if (!(given instanceof String s)) {
                return new Parsed.Problem<>(problem());
            }
            String v = s.strip().toLowerCase(Locale.ROOT);
            return choices.contains(v) ? new Parsed.Value<>(v) : new Parsed.Problem<>(problem());
        }

        @Override
        public Optional<String> check(String value) {
            return choices.contains(value) ? Optional.empty() : Optional.of(problem());
        }

        private String problem() {
            return "must be one of " + String.join(", ", choices);
        }

        @Override
        public String accepted() {
            return String.join(", ", choices);
        }
    }

    /** {@code true} or {@code false}, in any case. */
    record Bool() implements SettingType<Boolean> {
        @Override
        public Parsed<Boolean> read(Object given) {
            if (given instanceof Boolean b) {
                return new Parsed.Value<>(b);
            }
            String s = given instanceof String t ? t.strip().toLowerCase(Locale.ROOT) : "";
            return s.equals("true") || s.equals("false") ? new Parsed.Value<>(Boolean.valueOf(s))
                    : new Parsed.Problem<>("must be true or false");
        }

        @Override
        public Optional<String> check(Boolean value) {
            return value == null ? Optional.of("must be true or false") : Optional.empty();
        }

        @Override
        public String accepted() {
            return "true, false";
        }
    }

    /**
     * Text matching {@code pattern} (whole), described for people as {@code describe} (e.g.
     * {@code a host name or address}). A number or boolean in {@code config.json} is read as its text.
     */
    record Text(Pattern pattern, String describe) implements SettingType<String> {
        public Text {
            Require.nonNull("pattern", pattern, "describe", describe);
        }

        @Override
        public Parsed<String> read(Object given) {
            if (!(given instanceof String || given instanceof Number || given instanceof Boolean)) {
                return new Parsed.Problem<>("must be " + describe);
            }
            String v = given.toString().strip();
            return check(v).<Parsed<String>>map(Parsed.Problem::new).orElseGet(() -> new Parsed.Value<>(v));
        }

        @Override
        public Optional<String> check(String value) {
            return value != null && pattern.matcher(value).matches() ? Optional.empty()
                    : Optional.of("must be " + describe);
        }

        @Override
        public String accepted() {
            return describe;
        }
    }

    /**
     * A list of {@code minItems} to {@code maxItems} items, each matching {@code item} (described
     * as {@code describeItem}, e.g. {@code a ticker symbol}). As text it is comma-separated; blank
     * items are dropped.
     */
    record TextList(Pattern item, String describeItem, int minItems, int maxItems) implements SettingType<List<String>> {
        public TextList {
            Require.nonNull("item", item, "describeItem", describeItem);
            if (minItems < 0 || maxItems < minItems) {
                throw new IllegalArgumentException("bad item bounds");
            }
        }

        @Override
        public Parsed<List<String>> read(Object given) {
            List<String> items = new ArrayList<>();
            if (given instanceof String s) {
                // a very long text is refused before it is split: the count is what matters
                if (s.chars().filter(c -> c == ',').count() >= (long) maxItems * 2 + 16) {
                    return new Parsed.Problem<>(tooMany());
                }
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        items.add(part.strip());
                    }
                }
            } else if (given instanceof Collection<?> c) {
                if (c.size() > maxItems) {
                    return new Parsed.Problem<>(tooMany());
                }
                for (Object o : c) {
                    if (!(o instanceof String || o instanceof Number || o instanceof Boolean)) {
                        return new Parsed.Problem<>("must be a list of plain values");
                    }
                    items.add(o.toString().strip());
                }
            } else {
                return new Parsed.Problem<>("must be a list of " + describeItem + "s");
            }
            return check(items).<Parsed<List<String>>>map(Parsed.Problem::new)
                    .orElseGet(() -> new Parsed.Value<>(List.copyOf(items)));
        }

        @Override
        public Optional<String> check(List<String> value) {
            if (value == null || value.size() < minItems) {
                return Optional.of("must list at least " + minItems + " item" + (minItems == 1 ? "" : "s"));
            }
            if (value.size() > maxItems) {
                return Optional.of(tooMany() + " (got " + value.size() + ")");
            }
            for (String it : value) {
                if (it == null || !item.matcher(it).matches()) {
                    return Optional.of("item '" + shortened(it) + "' is not " + describeItem);
                }
            }
            return Optional.empty();
        }

        private String tooMany() {
            return "must list at most " + maxItems + " items";
        }

        private static String shortened(String s) {
            String v = String.valueOf(s);
            return v.length() > 40 ? v.substring(0, 40) + "…" : v;
        }

        @Override
        public String accepted() {
            return "comma-separated, " + (minItems > 0 ? minItems + "–" : "at most ") + maxItems;
        }

        @Override
        public String format(List<String> value) {
            return String.join(",", value);
        }
    }

    /** An absolute {@code http} or {@code https} URL with a host and without user info, query or fragment. */
    record HttpUrl() implements SettingType<URI> {
        private static final String PROBLEM = "must be an http(s) URL with a host and without user info, query or"
                + " fragment";

        @Override
        public Parsed<URI> read(Object given) {
            if (!(given instanceof String s)) {
                return new Parsed.Problem<>(PROBLEM);
            }
            URI uri;
            try {
                uri = new URI(s.strip());
            } catch (URISyntaxException e) {
                return new Parsed.Problem<>(PROBLEM);
            }
            return check(uri).<Parsed<URI>>map(Parsed.Problem::new).orElseGet(() -> new Parsed.Value<>(uri));
        }

        @Override
        public Optional<String> check(URI value) {
            if (value == null) {
                return Optional.of(PROBLEM);
            }
            String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = value.isAbsolute() && (scheme.equals("http") || scheme.equals("https"))
                    && value.getHost() != null && value.getRawUserInfo() == null && value.getRawQuery() == null
                    && value.getRawFragment() == null;
            return ok ? Optional.empty() : Optional.of(PROBLEM);
        }

        @Override
        public String accepted() {
            return "http(s) URL";
        }
    }

    /**
     * A rate {@code N/W} with the window {@code W} in seconds ({@code s}), minutes ({@code m}) or hours
     * ({@code h}): N from 1 to {@code maxRequests}, W from 1 s to {@code maxWindow}.
     */
    record RateLimit(int maxRequests, Duration maxWindow) implements SettingType<Rate> {
        private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,100})\\s*/\\s*(\\d{1,100})\\s*([smh])\\s*");

        public RateLimit {
            Objects.requireNonNull(maxWindow, "maxWindow");
        }

        @Override
        public Parsed<Rate> read(Object given) {
            Matcher m = given instanceof String s ? FORMAT.matcher(s) : null;
            if (m == null || !m.matches()) {
                return new Parsed.Problem<>("must look like 100/60s: N requests per window W (in s, m or h), "
                        + ranges());
            }
            BigInteger n = new BigInteger(m.group(1));
            BigInteger unit = BigInteger.valueOf(switch (m.group(3)) {
                case "s" -> 1;
                case "m" -> 60;
                default -> 3600;
            });
            BigInteger seconds = new BigInteger(m.group(2)).multiply(unit);
            if (n.signum() < 1 || n.compareTo(BigInteger.valueOf(maxRequests)) > 0 || seconds.signum() < 1
                    || seconds.compareTo(BigInteger.valueOf(maxWindow.toSeconds())) > 0) {
                return new Parsed.Problem<>("is out of range: " + ranges());
            }
            return new Parsed.Value<>(new Rate(n.intValue(), Duration.ofSeconds(seconds.longValue())));
        }

        @Override
        public Optional<String> check(Rate value) {
            boolean ok = value != null && value.requests() >= 1 && value.requests() <= maxRequests
                    && value.window().compareTo(Duration.ofSeconds(1)) >= 0 && value.window().compareTo(maxWindow) <= 0;
            return ok ? Optional.empty() : Optional.of("is out of range: " + ranges());
        }

        private String ranges() {
            return "N must be between 1 and " + maxRequests + " and W between 1 s and " + window(maxWindow);
        }

        private static String window(Duration d) {
            long s = d.toSeconds();
            return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
        }

        @Override
        public String accepted() {
            return "N/Ws, N/Wm, N/Wh (N 1–" + maxRequests + ", W 1 s–" + window(maxWindow) + ")";
        }
    }
}
