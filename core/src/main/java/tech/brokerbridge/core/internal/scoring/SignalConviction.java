package tech.brokerbridge.core.internal.scoring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.brokerbridge.ports.signals.Setup;

/**
 * The conviction the signals themselves carry, before any advisor: how much the scanner plugins
 * agree on a symbol's direction.
 *
 * <pre>
 *   same     = distinct setup types on this symbol in this direction (this one included)
 *   opposite = distinct setup types on this symbol in the other direction
 *   signal_conviction = same / (same + opposite) × min(1, same / 2)
 * </pre>
 *
 * A lone setup scores 0.5; two or more agreeing setups with no dissent score 1.0; one setup against
 * one opposite scores 0.25.
 */
public final class SignalConviction {
    private SignalConviction() {
    }

    /** The signal conviction of {@code setup} among all setups found for its symbol in the same scan. */
    public static double of(Setup setup, List<Setup> sameSymbol) {
        Set<String> same = new HashSet<>();
        Set<String> opposite = new HashSet<>();
        same.add(setup.setupType());
        for (Setup s : sameSymbol) {
            if (!s.symbol().equals(setup.symbol())) {
                continue;
            }
            (s.direction() == setup.direction() ? same : opposite).add(s.setupType());
        }
        double agreement = (double) same.size() / (same.size() + opposite.size());
        double support = Math.min(1.0, same.size() / 2.0);
        return agreement * support;
    }
}
