package tech.brokerbridge.signals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tech.brokerbridge.ports.market.Bar;

/**
 * Seeded random daily series for the benchmark and the property tests: a walk through trend, range
 * and volatile regimes, with the occasional gap on heavy volume. Same seed, same bars.
 */
public final class SyntheticBars {
    private SyntheticBars() {
    }

    /** {@code symbols} series named {@code S0001...}, {@code bars} bars each. */
    public static Map<String, List<Bar>> watchlist(int symbols, int bars, long seed) {
        Map<String, List<Bar>> out = new LinkedHashMap<>();
        for (int k = 1; k <= symbols; k++) {
            out.put(String.format("S%04d", k), series(seed * 1_000_003L + k, bars));
        }
        return out;
    }

    public static List<Bar> series(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double price = 20 + r.nextDouble() * 300;
        double baseVolume = 300_000 + r.nextDouble() * 5_000_000;
        double drift = 0;
        double sigma = 0.015;
        int left = 0;
        LocalDate day = LocalDate.of(2025, 1, 2);
        List<Bar> bars = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            if (left-- <= 0) {
                drift = (r.nextDouble() - 0.5) * 0.008;
                sigma = 0.008 + r.nextDouble() * 0.022;
                left = 10 + r.nextInt(50);
            }
            double jump = r.nextDouble() < 0.02 ? (r.nextBoolean() ? 1 : -1) * 3 * sigma : 0;
            double open = price * Math.exp(0.3 * sigma * r.nextGaussian() + jump / 2);
            double ret = drift + sigma * r.nextGaussian() + jump;
            double close = price * Math.exp(ret);
            double high = Math.max(open, close) * Math.exp(Math.abs(r.nextGaussian()) * sigma * 0.5);
            double low = Math.min(open, close) * Math.exp(-Math.abs(r.nextGaussian()) * sigma * 0.5);
            long volume = Math.round(baseVolume * Math.exp(0.3 * r.nextGaussian()) * (1 + Math.abs(ret) / sigma)
                    * (jump != 0 ? 2.5 : 1));
            bars.add(new Bar(day.atStartOfDay().toInstant(ZoneOffset.UTC), cents(open), cents(high), cents(low),
                    cents(close), volume));
            price = close;
            do {
                day = day.plusDays(1);
            } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
        }
        return bars;
    }

    private static double cents(double x) {
        return Math.max(0.01, Math.round(x * 100) / 100.0);
    }
}
