package tech.brokerbridge.launcher.ibkr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tech.brokerbridge.ibkr.internal.msg.Inbound.HistoricalBar;

/**
 * Daily bars, as IB Gateway sends them (weekdays, labelled yyyyMMdd), that make a textbook
 * breakout on the last day: a year of steady uptrend, a tight four-week base, then a close well
 * above the base's high on about three times the usual volume. The scanner sees a long
 * {@code breakout} with high strength and quality, so the offline advisor approves it and the
 * gates pass.
 */
public final class BreakoutBars {
    private static final int BASE_DAYS = 20;

    private BreakoutBars() {
    }

    /** {@code n} weekday bars ending on {@code last}, oldest first, starting near {@code start}. */
    public static List<HistoricalBar> ending(LocalDate last, int n, double start) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = last; days.size() < n; d = d.minusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        Collections.reverse(days);
        double level = start + 0.15 * (n - BASE_DAYS - 2);
        List<HistoricalBar> bars = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String date = days.get(k).format(DateTimeFormatter.BASIC_ISO_DATE);
            if (k == n - 1) {
                bars.add(bar(date, level + 0.5, level + 2.3, level + 0.3, level + 2.2, 3_000_000));
            } else if (k >= n - 1 - BASE_DAYS) {
                double mid = level + 0.3 * Math.sin(k * 2 * Math.PI / 5);
                bars.add(bar(date, mid - 0.1, mid + 0.5, mid - 0.5, mid + 0.1, 1_000_000 + (k % 5) * 20_000));
            } else {
                double mid = start + 0.15 * k + 0.8 * Math.sin(k * 2 * Math.PI / 9);
                bars.add(bar(date, mid - 0.1, mid + 0.6, mid - 0.6, mid + 0.1, 1_000_000 + (k % 5) * 20_000));
            }
        }
        return bars;
    }

    /**
     * Writes the bars as {@code folder/SYMBOL.csv} in the layout of the common end-of-day downloads
     * ({@code Date,Open,High,Low,Close,Volume}, ISO dates, oldest first), for {@code paper.market_data=csv}.
     */
    static void writeCsv(Path folder, String symbol, List<HistoricalBar> bars) throws IOException {
        List<String> lines = new ArrayList<>(List.of("Date,Open,High,Low,Close,Volume"));
        for (HistoricalBar b : bars) {
            lines.add(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%d",
                    LocalDate.parse(b.date(), DateTimeFormatter.BASIC_ISO_DATE), b.open(), b.high(), b.low(), b.close(),
                    Math.round(b.volume())));
        }
        Files.createDirectories(folder);
        Files.write(folder.resolve(symbol + ".csv"), lines);
    }

    /** The last bar's close, the price a breakout setup enters at. */
    static double lastClose(List<HistoricalBar> bars) {
        return bars.get(bars.size() - 1).close();
    }

    private static HistoricalBar bar(String date, double open, double high, double low, double close, double volume) {
        return new HistoricalBar(date, cents(open), cents(high), cents(low), cents(close), volume,
                cents((high + low + close) / 3), 5000);
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
