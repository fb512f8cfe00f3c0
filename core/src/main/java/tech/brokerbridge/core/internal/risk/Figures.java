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

    /** Two decimals; a value that rounds to zero is {@code 0.00}, never {@code -0.00}. */
    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }
}
