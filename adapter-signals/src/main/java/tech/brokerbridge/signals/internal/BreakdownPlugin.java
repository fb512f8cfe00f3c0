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
 * {@code breakdown} (short), the mirror of {@link BreakoutPlugin}: the close falls below the prior
 * 20-day low for the first time, on volume at least {@value BreakoutPlugin#MIN_VOLUME_RATIO} times the
 * prior 20-day average.
 */
final class BreakdownPlugin implements SetupPlugin {
    @Override
    public String name() {
        return "breakdown";
    }

    @Override
    public int minBars() {
        return 60;
    }

    @Override
    public Optional<Setup> detect(String symbol, Indicators in, SetupMaker maker) {
        int i = in.last();
        double close = in.close(i);
        double priorLow = in.lowestLow(20, i - 1);
        boolean fresh = in.close(i - 1) >= in.lowestLow(20, i - 2);
        double volumeRatio = in.volumeRatio(20, i);
        if (!(close < priorLow) || !fresh || volumeRatio < BreakoutPlugin.MIN_VOLUME_RATIO) {
            return Optional.empty();
        }
        double atr = in.atr(14, i);
        double sma50 = in.sma(50, i);
        double rsi = in.rsi(14, i);
        double baseWidth = (in.highestHigh(20, i - 1) - priorLow) / atr;
        double range = in.high(i) - in.low(i);
        double closeLocation = range > 0 ? (in.high(i) - close) / range : 1;

        double strength = 0.2 + 0.4 * scale((priorLow - close) / atr, 0, 1)
                + 0.4 * scale(volumeRatio, BreakoutPlugin.MIN_VOLUME_RATIO, 3);
        List<Evidence> evidence = new ArrayList<>(List.of(
                evidence("close", close, "close below the prior 20-day low"),
                evidence("donchian_low_20", priorLow, "lowest low of the 20 days before"),
                evidence("volume_ratio", volumeRatio, "volume against its prior 20-day average"),
                evidence("atr_14", atr, "average true range"),
                evidence("sma_50", sma50, close < sma50 ? "close below the 50-day average" : "close above the 50-day average"),
                evidence("rsi_14", rsi, "momentum")));
        double trend = close < sma50 ? 0.3 : 0;
        if (in.barCount() >= 200) {
            double sma200 = in.sma(200, i);
            trend += sma50 < sma200 ? 0.2 : 0;
            evidence.add(evidence("sma_200", sma200, sma50 < sma200 ? "50-day below 200-day" : "50-day above 200-day"));
        } else {
            trend += in.sma(20, i) < sma50 ? 0.2 : 0;
        }
        double quality = (trend + 0.25 * (1 - scale(baseWidth, 3, 10)) + 0.25 * closeLocation) * (rsi < 20 ? 0.7 : 1);
        return maker.make(symbol, name(), Direction.SHORT, close, atr, strength, quality, evidence);
    }
}
