package tech.brokerbridge.signals.internal;

import static tech.brokerbridge.signals.internal.SetupMaker.evidence;
import static tech.brokerbridge.signals.internal.SetupMaker.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;
import tech.brokerbridge.ports.signals.Setup;

/**
 * {@code breakout} (long): the close clears the prior 20-day high for the first time, on volume at
 * least {@value #MIN_VOLUME_RATIO} times the prior 20-day average; {@code breakdown} (short) is its
 * mirror, the close falling below the prior 20-day low for the first time.
 * Strength: how far beyond the level (in ATRs) and how heavy the volume. Quality: trend alignment,
 * a tight base before the break, a close near the day's extreme in the break's direction, not
 * overbought (a breakdown: not oversold). Needs 60 bars.
 *
 * @param direction {@link Direction#LONG} for the breakout, {@link Direction#SHORT} for the breakdown
 */
record RangeBreakPlugin(String name, int minBars, Direction direction) implements SetupPlugin {
    static final double MIN_VOLUME_RATIO = 1.2;

    @Override
    public Optional<Setup> detect(String symbol, Indicators in, SetupMaker maker) {
        int i = in.last();
        double close = in.close(i);
        double level = level(in, i - 1);
        boolean fresh = up() ? in.close(i - 1) <= level(in, i - 2) : in.close(i - 1) >= level(in, i - 2);
        double volumeRatio = in.volumeRatio(20, i);
        if (!beyond(close, level) || !fresh || volumeRatio < MIN_VOLUME_RATIO) {
            return Optional.empty();
        }
        double atr = in.atr(14, i);
        double sma50 = in.sma(50, i);
        double rsi = in.rsi(14, i);
        double baseWidth = (in.highestHigh(20, i - 1) - in.lowestLow(20, i - 1)) / atr;
        double range = in.high(i) - in.low(i);
        double closeLocation = range > 0 ? (up() ? close - in.low(i) : in.high(i) - close) / range : 1;

        double strength = 0.2 + 0.4 * scale(direction.sign() * (close - level) / atr, 0, 1)
                + 0.4 * scale(volumeRatio, MIN_VOLUME_RATIO, 3);
        List<Evidence> evidence = new ArrayList<>(List.of(
                evidence("close", close, up() ? "close above the prior 20-day high" : "close below the prior 20-day low"),
                up() ? evidence("donchian_high_20", level, "highest high of the 20 days before")
                        : evidence("donchian_low_20", level, "lowest low of the 20 days before"),
                evidence("volume_ratio", volumeRatio, "volume against its prior 20-day average"),
                evidence("atr_14", atr, "average true range"),
                evidence("sma_50", sma50, "close " + side(close, sma50) + " the 50-day average"),
                evidence("rsi_14", rsi, "momentum")));
        double trend = beyond(close, sma50) ? 0.3 : 0;
        if (in.barCount() >= 200) {
            double sma200 = in.sma(200, i);
            trend += beyond(sma50, sma200) ? 0.2 : 0;
            evidence.add(evidence("sma_200", sma200, "50-day " + side(sma50, sma200) + " 200-day"));
        } else {
            trend += beyond(in.sma(20, i), sma50) ? 0.2 : 0;
        }
        boolean stretched = up() ? rsi > 80 : rsi < 20;
        double quality = (trend + 0.25 * (1 - scale(baseWidth, 3, 10)) + 0.25 * closeLocation) * (stretched ? 0.7 : 1);
        return maker.make(symbol, name(), direction, close, atr, strength, quality, evidence);
    }

    /** The range's edge the break must cross: the 20-day high (long) or low (short) up to bar {@code j}. */
    private double level(Indicators in, int j) {
        return up() ? in.highestHigh(20, j) : in.lowestLow(20, j);
    }

    /** {@code a} strictly past {@code b} in the break's direction (above for long, below for short). */
    private boolean beyond(double a, double b) {
        return up() ? a > b : a < b;
    }

    private boolean up() {
        return direction == Direction.LONG;
    }

    /** "above" or "below", naming a tie the side against the break (as each direction always has). */
    private String side(double a, double b) {
        return beyond(a, b) == up() ? "above" : "below";
    }
}
