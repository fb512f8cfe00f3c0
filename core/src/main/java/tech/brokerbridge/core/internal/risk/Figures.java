package tech.brokerbridge.core.internal.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * Two decimals; a value that rounds to zero is {@code 0.00}, never {@code -0.00}. The same text as
     * {@code String.format(Locale.ROOT, "%.2f", v)}, which rounds the shortest decimal that reads back
     * as {@code v} half up (so {@code 0.285} gives {@code 0.29}); done with BigDecimal because the
     * gates format a dozen figures per proposal and the Formatter took a sixth of an approval.
     */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
