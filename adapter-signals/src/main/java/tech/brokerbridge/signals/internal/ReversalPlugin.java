package tech.brokerbridge.signals.internal;

import static tech.brokerbridge.signals.internal.SetupMaker.evidence;
import static tech.brokerbridge.signals.internal.SetupMaker.scale;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Setup;

/**
 * {@code reversal}: RSI(14) was oversold (below 30) on one of the three bars before and turns up
 * today, still below 50, confirmed by today's candle (bullish engulfing, a close above yesterday's
 * high, or a hammer) — long; or the mirror from overbought (above 70) — short.
 * Strength: how extreme the RSI was and how sharply it turns. Quality: the confirming candle
 * (engulfing best), volume, and how stretched the price is from its 20-day average.
 */
record ReversalPlugin(String name, int minBars) implements SetupPlugin {
    @Override
    public Optional<Setup> detect(String symbol, Indicators in, SetupMaker maker) {
        int i = in.last();
        double rsi = in.rsi(14, i);
        double before = in.rsi(14, i - 1);
        double lowest = Math.min(before, Math.min(in.rsi(14, i - 2), in.rsi(14, i - 3)));
        double highest = Math.max(before, Math.max(in.rsi(14, i - 2), in.rsi(14, i - 3)));
        if (lowest < 30 && rsi > before && rsi < 50) {
            return turn(symbol, in, maker, Direction.LONG, rsi, before, lowest);
        }
        if (highest > 70 && rsi < before && rsi > 50) {
            return turn(symbol, in, maker, Direction.SHORT, rsi, before, highest);
        }
        return Optional.empty();
    }

    private Optional<Setup> turn(String symbol, Indicators in, SetupMaker maker, Direction dir, double rsi,
            double before, double extreme) {
        int i = in.last();
        boolean up = dir == Direction.LONG;
        double close = in.close(i);
        String candle;
        double candleQuality;
        if (up ? in.bullishEngulfing(i) : in.bearishEngulfing(i)) {
            candle = up ? "bullish_engulfing" : "bearish_engulfing";
            candleQuality = 1;
        } else if (up ? close > in.high(i - 1) : close < in.low(i - 1)) {
            candle = "key_reversal";
            candleQuality = 0.8;
        } else if (up ? Candles.hammer(in, i) : Candles.shootingStar(in, i)) {
            candle = up ? "hammer" : "shooting_star";
            candleQuality = 0.6;
        } else {
            return Optional.empty();
        }
        double atr = in.atr(14, i);
        double sma20 = in.sma(20, i);
        double volumeRatio = in.volumeRatio(20, i);
        double stretch = dir.sign() * (sma20 - close) / atr;
        double depth = up ? 30 - extreme : extreme - 70;
        double strength = 0.2 + 0.4 * scale(depth, 0, 15) + 0.4 * scale(Math.abs(rsi - before), 0, 10);
        double quality = 0.5 * candleQuality + 0.25 * scale(volumeRatio, 0.8, 2) + 0.25 * scale(stretch, 0, 3);
        return maker.make(symbol, name(), dir, close, atr, strength, quality, List.of(
                evidence("close", close, up ? "turning up from oversold" : "turning down from overbought"),
                evidence("rsi_14", rsi, up ? "RSI rising" : "RSI falling"),
                evidence("rsi_14_prev", before, "RSI the day before"),
                evidence(up ? "rsi_14_min_3" : "rsi_14_max_3", extreme, up ? "oversold below 30" : "overbought above 70"),
                evidence(candle, 1, "confirming candle"),
                evidence("sma_20", sma20, "20-day average"),
                evidence("volume_ratio", volumeRatio, "volume against its prior 20-day average"),
                evidence("atr_14", atr, "average true range")));
    }
}
