package tech.brokerbridge.signals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.ports.market.Bar;

/**
 * Writes daily bar series for tests, one weekday after another: steady moves with a small zig-zag
 * (so ranges, ATR and RSI are well defined), then hand-made last bars.
 */
public final class BarScript {
    private final List<Bar> bars = new ArrayList<>();
    private LocalDate day = LocalDate.of(2024, 1, 2);
    private double close;
    private long volume = 1_000_000;
    private int wiggleSign = 1;

    private BarScript(double start) {
        this.close = start;
    }

    public static BarScript startingAt(double price) {
        return new BarScript(price);
    }

    /** {@code days} bars, each moving the close by {@code pctPerDay} percent plus a zig-zag of {@code wigglePct} percent. */
    public BarScript move(int days, double pctPerDay, double wigglePct) {
        for (int k = 0; k < days; k++) {
            double open = close;
            double base = close * (1 + pctPerDay / 100);
            double next = base * (1 + wiggleSign * wigglePct / 100);
            wiggleSign = -wiggleSign;
            double pad = Math.max(0.01, close * wigglePct / 100 * 0.3);
            add(open, Math.max(open, next) + pad, Math.min(open, next) - pad, next, volume);
        }
        return this;
    }

    /** A sideways range: the close alternates around {@code price} by {@code halfRangePct} percent. */
    public BarScript range(int days, double price, double halfRangePct) {
        for (int k = 0; k < days; k++) {
            double open = close;
            double next = price * (1 + wiggleSign * halfRangePct / 100 * (k % 3 == 0 ? 0.5 : 1));
            wiggleSign = -wiggleSign;
            double pad = price * halfRangePct / 100 * 0.2;
            add(open, Math.max(open, next) + pad, Math.min(open, next) - pad, next, volume);
        }
        return this;
    }

    /** One bar as given; its volume is {@code volumeMultiple} times the script's usual volume. */
    public BarScript bar(double open, double high, double low, double close, double volumeMultiple) {
        add(open, high, low, close, Math.round(volume * volumeMultiple));
        return this;
    }

    public double lastClose() {
        return close;
    }

    public List<Bar> bars() {
        return List.copyOf(bars);
    }

    private void add(double open, double high, double low, double c, long v) {
        bars.add(new Bar(day.atStartOfDay().toInstant(ZoneOffset.UTC), open, high, low, c, v));
        close = c;
        do {
            day = day.plusDays(1);
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
    }
}
