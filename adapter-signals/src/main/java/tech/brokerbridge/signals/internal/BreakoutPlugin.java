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
 * least {@value #MIN_VOLUME_RATIO} times the prior 20-day average.
 * Strength: how far beyond the high (in ATRs) and how heavy the volume. Quality: trend alignment,
 * a tight base before the break, a close near the day's high, not overbought.
 */
final class BreakoutPlugin implements SetupPlugin {
    static final double MIN_VOLUME_RATIO = 1.2;

    @Override
    public String name() {
        return "breakout";
    }

    @Override
    public int minBars() {
        return 60;
    }

    @Override
    public Optional<Setup> detect(String symbol, Indicators in, SetupMaker maker) {
        int i = in.last();
        double close = in.close(i);
        double priorHigh = in.highestHigh(20, i - 1);
        boolean fresh = in.close(i - 1) <= in.highestHigh(20, i - 2);
        double volumeRatio = in.volumeRatio(20, i);
        if (!(close > priorHigh) || !fresh || volumeRatio < MIN_VOLUME_RATIO) {
            return Optional.empty();
        }
        double atr = in.atr(14, i);
        double sma50 = in.sma(50, i);
        double rsi = in.rsi(14, i);
        double baseWidth = (priorHigh - in.lowestLow(20, i - 1)) / atr;
        double range = in.high(i) - in.low(i);
        double closeLocation = range > 0 ? (close - in.low(i)) / range : 1;

        double strength = 0.2 + 0.4 * scale((close - priorHigh) / atr, 0, 1) + 0.4 * scale(volumeRatio, MIN_VOLUME_RATIO, 3);
        List<Evidence> evidence = new ArrayList<>(List.of(
                evidence("close", close, "close above the prior 20-day high"),
                evidence("donchian_high_20", priorHigh, "highest high of the 20 days before"),
                evidence("volume_ratio", volumeRatio, "volume against its prior 20-day average"),
                evidence("atr_14", atr, "average true range"),
                evidence("sma_50", sma50, close > sma50 ? "close above the 50-day average" : "close below the 50-day average"),
                evidence("rsi_14", rsi, "momentum")));
        double trend = close > sma50 ? 0.3 : 0;
        if (in.barCount() >= 200) {
            double sma200 = in.sma(200, i);
            trend += sma50 > sma200 ? 0.2 : 0;
            evidence.add(evidence("sma_200", sma200, sma50 > sma200 ? "50-day above 200-day" : "50-day below 200-day"));
        } else {
            trend += in.sma(20, i) > sma50 ? 0.2 : 0;
        }
        double quality = (trend + 0.25 * (1 - scale(baseWidth, 3, 10)) + 0.25 * closeLocation) * (rsi > 80 ? 0.7 : 1);
        return maker.make(symbol, name(), Direction.LONG, close, atr, strength, quality, evidence);
    }
}
