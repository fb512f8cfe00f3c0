package tech.brokerbridge.signals.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.candles.BearishEngulfingIndicator;
import org.ta4j.core.indicators.candles.BullishEngulfingIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.num.Num;

/**
 * The indicators of one symbol's series, built once on first use and shared by every plugin of a
 * scan (ta4j caches each indicator's values, so a value two plugins read is computed once). Plugins
 * read the last bar and a few before it. One instance per scan; not shared between threads.
 */
public final class Indicators {
    private final BarSeries series;
    private final Map<String, Object> cache = new HashMap<>();

    Indicators(BarSeries series) {
        this.series = series;
    }

    /** Index of the last (latest) bar. */
    public int last() {
        return series.getEndIndex();
    }

    public int barCount() {
        return series.getBarCount();
    }

    public double open(int i) {
        return series.getBar(i).getOpenPrice().doubleValue();
    }

    public double high(int i) {
        return series.getBar(i).getHighPrice().doubleValue();
    }

    public double low(int i) {
        return series.getBar(i).getLowPrice().doubleValue();
    }

    public double close(int i) {
        return series.getBar(i).getClosePrice().doubleValue();
    }

    public double volume(int i) {
        return series.getBar(i).getVolume().doubleValue();
    }

    public double sma(int period, int i) {
        return value("sma_" + period, () -> new SMAIndicator(closes(), period), i);
    }

    public double ema(int period, int i) {
        return value("ema_" + period, () -> new EMAIndicator(closes(), period), i);
    }

    public double rsi(int period, int i) {
        return value("rsi_" + period, () -> new RSIIndicator(closes(), period), i);
    }

    public double atr(int period, int i) {
        return value("atr_" + period, () -> new ATRIndicator(series, period), i);
    }

    /** Highest high of the {@code period} bars ending at {@code i}, inclusive (a Donchian channel's top). */
    public double highestHigh(int period, int i) {
        return value("donchian_high_" + period, () -> new HighestValueIndicator(new HighPriceIndicator(series), period), i);
    }

    /** Lowest low of the {@code period} bars ending at {@code i}, inclusive. */
    public double lowestLow(int period, int i) {
        return value("donchian_low_" + period, () -> new LowestValueIndicator(new LowPriceIndicator(series), period), i);
    }

    /** Average volume of the {@code period} bars ending at {@code i}, inclusive. */
    public double averageVolume(int period, int i) {
        return value("volume_sma_" + period, () -> new SMAIndicator(new VolumeIndicator(series), period), i);
    }

    /** Today's volume against the average of the {@code period} bars before it. */
    public double volumeRatio(int period, int i) {
        double average = averageVolume(period, i - 1);
        return average > 0 ? volume(i) / average : 0;
    }

    public boolean bullishEngulfing(int i) {
        return flag("bullish_engulfing", () -> new BullishEngulfingIndicator(series), i);
    }

    public boolean bearishEngulfing(int i) {
        return flag("bearish_engulfing", () -> new BearishEngulfingIndicator(series), i);
    }

    private ClosePriceIndicator closes() {
        return indicator("close", () -> new ClosePriceIndicator(series));
    }

    private double value(String key, Supplier<Indicator<Num>> make, int i) {
        Indicator<Num> indicator = indicator(key, make);
        return indicator.getValue(i).doubleValue();
    }

    private boolean flag(String key, Supplier<Indicator<Boolean>> make, int i) {
        return indicator(key, make).getValue(i);
    }

    @SuppressWarnings("unchecked")
    private <T> T indicator(String key, Supplier<? extends T> make) {
        Object found = cache.get(key);
        if (found == null) { // not computeIfAbsent: making one indicator may make (and cache) another
            found = make.get();
            cache.put(key, found);
        }
        return (T) found;
    }
}
