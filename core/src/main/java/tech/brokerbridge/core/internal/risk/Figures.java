package tech.brokerbridge.core.internal.risk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.brokerbridge.ports.journal.GateResult;

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

    /** The result of gate {@code gate} with these figures as the numbers it compared. */
    GateResult result(String gate, boolean passed, String reason) {
        return new GateResult(gate, passed, values, reason);
    }

    /** Two decimals; a value that rounds to zero is {@code 0.00}, never {@code -0.00}. */
    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }
}
