package tech.brokerbridge.paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tech.brokerbridge.paper.internal.TradingCalendar;

/** Writes {@code SYMBOL.csv} files of daily bars as free end-of-day downloads have them (tests). */
final class CsvFiles {
    static final String HEADER = "Date,Open,High,Low,Close,Volume";

    private CsvFiles() {
    }

    /** {@code n} rows, one per trading day (no gaps), the last on the trading day before {@code until}. */
    static Path write(Path folder, String symbol, int n, double start, LocalDate until) {
        TradingCalendar calendar = new TradingCalendar();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = until.minusDays(1); days.size() < n; d = d.minusDays(1)) {
            if (calendar.isTradingDay(d)) {
                days.add(d);
            }
        }
        Collections.reverse(days);
        List<String> lines = new ArrayList<>(List.of(HEADER));
        double price = start;
        for (int i = 0; i < n; i++) {
            double open = price;
            double close = price * (1 + ((i % 7) - 3) * 0.003 + 0.0005);
            lines.add(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%d", days.get(i), open,
                    Math.max(open, close) * 1.006, Math.min(open, close) * 0.994, close, 1_000_000 + i * 100));
            price = close;
        }
        return write(folder, symbol, lines);
    }

    static Path write(Path folder, String symbol, List<String> lines) {
        try {
            Files.createDirectories(folder);
            return Files.write(folder.resolve(symbol + ".csv"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
