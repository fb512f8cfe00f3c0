package tech.brokerbridge.ports.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one risk gate: its name, pass or fail, the numbers it compared (in a stable order)
 * and a human reason.
 */
public record GateResult(String gate, boolean passed, Map<String, Double> compared, String reason) {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(reason, "reason");
        compared = Collections.unmodifiableMap(new LinkedHashMap<>(compared));
    }
}
