package tech.brokerbridge.signals;

import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the scanner.
 *
 * @param enabledPlugins the setup types to look for ({@code signals.plugins}, default all:
 *     {@code breakout, breakdown, pullback_buy, pullback_sell, reversal}); an unknown name is refused
 *     by {@link SignalSourceFactory#create}
 * @param atrStopMultiple stop distance from the entry in ATR(14)s ({@code signals.atr_stop_multiple},
 *     default 2.0; in (0, 10])
 * @param rewardRiskTarget the target's distance from the entry in multiples of the risk
 *     ({@code signals.reward_risk_target}, default 2.0; in [1, 10]); every setup's reward:risk is at
 *     least this, by construction
 */
public record SignalsConfig(Set<String> enabledPlugins, double atrStopMultiple, double rewardRiskTarget) {
    /** Every plugin there is. */
    public static final Set<String> ALL_PLUGINS = Set.of("breakout", "breakdown", "pullback_buy", "pullback_sell",
            "reversal");

    public SignalsConfig {
        enabledPlugins = Set.copyOf(Objects.requireNonNull(enabledPlugins, "enabledPlugins"));
        if (!(atrStopMultiple > 0 && atrStopMultiple <= 10)) {
            throw new IllegalArgumentException("signals.atr_stop_multiple must be in (0, 10]");
        }
        if (!(rewardRiskTarget >= 1 && rewardRiskTarget <= 10)) {
            throw new IllegalArgumentException("signals.reward_risk_target must be in [1, 10]");
        }
    }

    /** All plugins, stop 2 ATRs away, target 2 times the risk. */
    public static SignalsConfig defaults() {
        return new SignalsConfig(ALL_PLUGINS, 2.0, 2.0);
    }
}
