package tech.brokerbridge.core.internal.risk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small helpers for gate results: ordered figures and number formatting. */
final class Figures {
    private final Map<String, Double> values = new LinkedHashMap<>();

    Figures put(String name, double value) {
        values.put(name, value);
        return this;
    }

    Map<String, Double> map() {
        return values;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
