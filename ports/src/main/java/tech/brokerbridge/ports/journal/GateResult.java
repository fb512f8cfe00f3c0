package tech.brokerbridge.ports.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.brokerbridge.ports.Require;

/**
 * The result of one risk gate: its name, pass or fail, the numbers it compared (in a stable order)
 * and a human reason.
 */
public record GateResult(String gate, boolean passed, Map<String, Double> compared, String reason) {
    public GateResult {
        Require.nonNull("gate", gate, "reason", reason);
        compared = Collections.unmodifiableMap(new LinkedHashMap<>(compared));
    }
}
