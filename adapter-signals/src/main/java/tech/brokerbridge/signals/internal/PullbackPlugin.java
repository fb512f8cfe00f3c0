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
 * peak of the 10 days before. {@code pullback_sell} (short) is its mirror: a downtrend that has
 * rallied at least one ATR off its 20-day low to within [-0.5, +0.75] ATR of the 20-day EMA, with
 * RSI(14) at 45–65 and at least 5 points above its trough of the 10 days before. Needs 200 bars.
 *
 * @param direction {@link Direction#LONG} for the pullback buy, {@link Direction#SHORT} for the sell
 */
record PullbackPlugin(String name, int minBars, Direction direction) implements SetupPlugin {
    @Override
    public Optional<Setup> detect(String symbol, Indicators in, SetupMaker maker) {
        int i = in.last();
        double close = in.close(i);
        double sma50 = in.sma(50, i);
        double sma200 = in.sma(200, i);
        if (!(beyond(sma50, sma200) && beyond(close, sma200) && beyond(sma50, in.sma(50, i - 10)))) {
            return Optional.empty();
        }
        boolean up = direction == Direction.LONG;
        double sign = direction.sign();
        double atr = in.atr(14, i);
        double depth = (up ? in.highestHigh(20, i) - close : close - in.lowestLow(20, i)) / atr;
        double ema20 = in.ema(20, i);
        double fromEma = (close - ema20) / atr;
        double rsi = in.rsi(14, i);
        // the RSI's peak (long) or trough (short) of the 10 days before
        double extreme = up ? 0 : 100;
        for (int k = i - 10; k < i; k++) {
            extreme = up ? Math.max(extreme, in.rsi(14, k)) : Math.min(extreme, in.rsi(14, k));
        }
        double cooled = sign * (extreme - rsi);
        double rsiLow = up ? 35 : 45;
        if (depth < 1 || sign * fromEma < -0.75 || sign * fromEma > 0.5 || rsi < rsiLow || rsi > rsiLow + 20
                || cooled < 5) {
            return Optional.empty();
        }
        double trendRatio = up ? sma50 / sma200 : sma200 / sma50;
        double strength = 0.4 * scale(trendRatio - 1, 0, 0.10) + 0.3 * (1 - scale(Math.abs(fromEma), 0, 0.75))
                + 0.3 * scale(cooled, 5, 25);
        double quality = ((up ? close >= sma50 : close <= sma50) ? 0.4 : 0.1) + (beyond(close, in.open(i)) ? 0.3 : 0)
                + 0.3 * (1 - scale(depth, 3, 6));
        return maker.make(symbol, name(), direction, close, atr, strength, quality, List.of(
                evidence("close", close, up ? "pulled back near the 20-day EMA" : "rallied near the 20-day EMA"),
                evidence("ema_20", ema20, "20-day exponential average"),
                evidence("sma_50", sma50, up ? "50-day average, rising" : "50-day average, falling"),
                evidence("sma_200", sma200,
                        up ? "200-day average, below the 50-day" : "200-day average, above the 50-day"),
                evidence("rsi_14", rsi, up ? "momentum cooled" : "momentum recovered"),
                up ? evidence("rsi_14_peak_10", extreme, "highest RSI of the 10 days before")
                        : evidence("rsi_14_trough_10", extreme, "lowest RSI of the 10 days before"),
                up ? evidence("pullback_atr", depth, "distance from the 20-day high in ATRs")
                        : evidence("rally_atr", depth, "distance from the 20-day low in ATRs"),
                evidence("atr_14", atr, "average true range")));
    }

    /** {@code a} strictly past {@code b} in the trend's direction (above for long, below for short). */
    private boolean beyond(double a, double b) {
        return direction == Direction.LONG ? a > b : a < b;
    }
}
