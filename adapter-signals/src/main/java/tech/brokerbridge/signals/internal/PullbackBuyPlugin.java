package tech.brokerbridge.signals.internal;

import static tech.brokerbridge.signals.internal.SetupMaker.evidence;
import static tech.brokerbridge.signals.internal.SetupMaker.scale;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Setup;

/**
 * {@code pullback_buy} (long): an uptrend (50-day above 200-day, the 50-day rising, the
 * close above the 200-day) that has pulled back at least one ATR from its 20-day high to within
 * [-0.75, +0.5] ATR of the 20-day EMA, with RSI(14) cooled to 35–55 and at least 5 points below its
 * peak of the 10 days before. Needs 200 bars.
 */
final class PullbackBuyPlugin implements SetupPlugin {
    @Override
    public String name() {
        return "pullback_buy";
    }

    @Override
    public int minBars() {
        return 200;
    }

    @Override
    public Optional<Setup> detect(String symbol, Indicators in, SetupMaker maker) {
        int i = in.last();
        double close = in.close(i);
        double sma50 = in.sma(50, i);
        double sma200 = in.sma(200, i);
        if (!(sma50 > sma200 && close > sma200 && sma50 > in.sma(50, i - 10))) {
            return Optional.empty();
        }
        double atr = in.atr(14, i);
        double depth = (in.highestHigh(20, i) - close) / atr;
        double ema20 = in.ema(20, i);
        double fromEma = (close - ema20) / atr;
        double rsi = in.rsi(14, i);
        double peak = 0;
        for (int k = i - 10; k < i; k++) {
            peak = Math.max(peak, in.rsi(14, k));
        }
        if (depth < 1 || fromEma < -0.75 || fromEma > 0.5 || rsi < 35 || rsi > 55 || peak - rsi < 5) {
            return Optional.empty();
        }
        double strength = 0.4 * scale(sma50 / sma200 - 1, 0, 0.10) + 0.3 * (1 - scale(Math.abs(fromEma), 0, 0.75))
                + 0.3 * scale(peak - rsi, 5, 25);
        double quality = (close >= sma50 ? 0.4 : 0.1) + (close > in.open(i) ? 0.3 : 0)
                + 0.3 * (1 - scale(depth, 3, 6));
        return maker.make(symbol, name(), Direction.LONG, close, atr, strength, quality, List.of(
                evidence("close", close, "pulled back near the 20-day EMA"),
                evidence("ema_20", ema20, "20-day exponential average"),
                evidence("sma_50", sma50, "50-day average, rising"),
                evidence("sma_200", sma200, "200-day average, below the 50-day"),
                evidence("rsi_14", rsi, "momentum cooled"),
                evidence("rsi_14_peak_10", peak, "highest RSI of the 10 days before"),
                evidence("pullback_atr", depth, "distance from the 20-day high in ATRs"),
                evidence("atr_14", atr, "average true range")));
    }
}
