package tech.brokerbridge.ports.signals;

import java.util.List;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Direction;

/**
 * A trade setup found by a scanner plugin.
 *
 * @param setupType e.g. {@code breakout}, {@code breakdown}, {@code pullback_buy}, {@code reversal}
 * @param evidenceStrength how strongly the evidence supports it, in [0,1]
 * @param setupQuality how clean the setup is, in [0,1]
 * @param entry suggested limit entry price
 * @param stop suggested stop price (ATR-based)
 * @param target suggested take-profit price
 */
public record Setup(String symbol, String setupType, Direction direction, List<Evidence> evidence,
        double evidenceStrength, double setupQuality, double entry, double stop, double target) {
    public Setup {
        Require.nonNull("symbol", symbol, "setupType", setupType, "direction", direction);
        evidence = List.copyOf(evidence);
        if (!(evidenceStrength >= 0 && evidenceStrength <= 1) || !(setupQuality >= 0 && setupQuality <= 1)) {
            throw new IllegalArgumentException("scores must be in [0,1]");
        }
    }
}
