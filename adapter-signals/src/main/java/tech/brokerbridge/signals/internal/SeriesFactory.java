package tech.brokerbridge.signals.internal;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.signals.SignalSourceException;

/**
 * Checks the port's bars and turns them into one ta4j series (double arithmetic: fast, and
 * deterministic on every JVM).
 */
final class SeriesFactory {
    private static final Duration DAY = Duration.ofDays(1);

    private SeriesFactory() {
    }

    /**
     * @throws SignalSourceException when there are fewer than {@code minBars} bars or they are out of order
     */
    static BarSeries build(String symbol, List<Bar> bars, int minBars) {
        if (bars.size() < minBars) {
            throw new SignalSourceException("too few bars for " + symbol + ": " + bars.size() + ", need at least "
                    + minBars, null);
        }
        List<org.ta4j.core.Bar> converted = new ArrayList<>(bars.size());
        Bar previous = null;
        for (Bar b : bars) {
            if (previous != null && !b.time().isAfter(previous.time())) {
                throw new SignalSourceException("bars of " + symbol + " are not oldest first at " + b.time(), null);
            }
            if (!(Double.isFinite(b.open()) && Double.isFinite(b.high()) && Double.isFinite(b.close()))) {
                throw new SignalSourceException("bar of " + symbol + " at " + b.time() + " has no finite prices", null);
            }
            // ta4j stamps a bar with its end; the port with its start
            ZonedDateTime end = b.time().plus(DAY).atZone(ZoneOffset.UTC);
            converted.add(new BaseBar(DAY, end, num(b.open()), num(b.high()), num(b.low()), num(b.close()),
                    num(b.volume()), DoubleNum.ZERO, 0));
            previous = b;
        }
        return new BaseBarSeries(symbol, converted, DoubleNum.ZERO);
    }

    private static Num num(double v) {
        return DoubleNum.valueOf(v);
    }
}
