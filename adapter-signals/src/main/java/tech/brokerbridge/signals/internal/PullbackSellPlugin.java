package tech.brokerbridge.signals.internal;

import static tech.brokerbridge.signals.internal.SetupMaker.evidence;
import static tech.brokerbridge.signals.internal.SetupMaker.scale;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Setup;

/**
 * {@code pullback_sell} (short), the mirror of {@link PullbackBuyPlugin}: a downtrend that has
 * rallied at least one ATR off its 20-day low to within [-0.5, +0.75] ATR of the 20-day EMA, with
 * RSI(14) at 45–65 and at least 5 points above its trough of the 10 days before. Needs 200 bars.
 */
final class PullbackSellPlugin implements SetupPlugin {
    @Override
    public String name() {
        return "pullback_sell";
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
        if (!(sma50 < sma200 && close < sma200 && sma50 < in.sma(50, i - 10))) {
            return Optional.empty();
        }
        double atr = in.atr(14, i);
        double depth = (close - in.lowestLow(20, i)) / atr;
        double ema20 = in.ema(20, i);
        double fromEma = (close - ema20) / atr;
        double rsi = in.rsi(14, i);
        double trough = 100;
        for (int k = i - 10; k < i; k++) {
            trough = Math.min(trough, in.rsi(14, k));
        }
        if (depth < 1 || fromEma > 0.75 || fromEma < -0.5 || rsi < 45 || rsi > 65 || rsi - trough < 5) {
            return Optional.empty();
        }
        double strength = 0.4 * scale(sma200 / sma50 - 1, 0, 0.10) + 0.3 * (1 - scale(Math.abs(fromEma), 0, 0.75))
                + 0.3 * scale(rsi - trough, 5, 25);
        double quality = (close <= sma50 ? 0.4 : 0.1) + (close < in.open(i) ? 0.3 : 0)
                + 0.3 * (1 - scale(depth, 3, 6));
        return maker.make(symbol, name(), Direction.SHORT, close, atr, strength, quality, List.of(
                evidence("close", close, "rallied near the 20-day EMA"),
                evidence("ema_20", ema20, "20-day exponential average"),
                evidence("sma_50", sma50, "50-day average, falling"),
                evidence("sma_200", sma200, "200-day average, above the 50-day"),
                evidence("rsi_14", rsi, "momentum recovered"),
                evidence("rsi_14_trough_10", trough, "lowest RSI of the 10 days before"),
                evidence("rally_atr", depth, "distance from the 20-day low in ATRs"),
                evidence("atr_14", atr, "average true range")));
    }
}
