package tech.brokerbridge.paper.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * Daily bars from a folder the user fills, one {@code SYMBOL.csv} per symbol (see {@link CsvBars} for
 * the format and its checks). A file is read again when it changes (its size or modification time),
 * so replacing it while the desk runs is enough. The live price replays the day's bar through the
 * session: open, then the low and the high (in the order that an up day or a down day makes likely),
 * then the close; outside the session it rests at the last close. Without a bar for today that is the
 * last close. Thread-safe.
 */
final class CsvFeed implements PriceFeed {
    private final Path folder;
    private final TradingCalendar calendar;
    private final PriceSource source;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long size, Instant modified, List<CsvBars.Day> days) {
    }

    CsvFeed(Path folder, TradingCalendar calendar) {
        this.folder = folder;
        this.calendar = calendar;
        this.source = new PriceSource("csv", false, "end-of-day bars from the CSV files in " + folder
                + " (one SYMBOL.csv each); fills simulated in the paper account");
    }

    @Override
    public PriceSource source() {
        return source;
    }

    @Override
    public void requireKnown(String symbol) {
        days(symbol);
    }

    @Override
    public List<Bar> bars(BarRequest request, LocalDate today) {
        LocalDate from = today.minus(request.lookback());
        List<Bar> out = new ArrayList<>();
        for (CsvBars.Day d : days(request.symbol())) {
            if (!d.date().isBefore(from) && d.date().isBefore(today)) {
                out.add(new Bar(d.date().atStartOfDay().toInstant(ZoneOffset.UTC), d.open(), d.high(), d.low(),
                        d.close(), d.volume()));
            }
        }
        return out;
    }

    @Override
    public double priceAt(String symbol, Instant time) {
        List<CsvBars.Day> days = days(symbol);
        LocalDate date = LocalDate.ofInstant(time, ZoneOffset.UTC);
        int i = lastOnOrBefore(days, date);
        if (i < 0) {
            return days.get(0).open();
        }
        CsvBars.Day d = days.get(i);
        if (!d.date().equals(date)) {
            return d.close();
        }
        Instant open = TradingCalendar.openOf(date);
        Instant close = TradingCalendar.closeOf(date);
        if (time.isBefore(open)) {
            return i > 0 ? days.get(i - 1).close() : d.open();
        }
        if (!time.isBefore(close)) {
            return d.close();
        }
        double f = (double) Duration.between(open, time).toSeconds() / Duration.between(open, close).toSeconds();
        boolean up = d.close() >= d.open();
        double[] path = {d.open(), up ? d.low() : d.high(), up ? d.high() : d.low(), d.close()};
        double x = f * 3;
        int seg = Math.min(2, (int) x);
        return SymbolPath.cents(path[seg] + (path[seg + 1] - path[seg]) * (x - seg));
    }

    @Override
    public Quote quote(String symbol, double livePrice, Instant now) {
        return new Quote(symbol, livePrice, Quote.Freshness.END_OF_DAY, now);
    }

    private List<CsvBars.Day> days(String symbol) {
        if (!PriceModel.isListed(symbol)) {
            throw MarketDataException.unknownSymbol(symbol);
        }
        String name = symbol + ".csv";
        Path file = folder.resolve(name);
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Cached c = cache.get(symbol);
            if (c != null && c.size() == a.size() && c.modified().equals(a.lastModifiedTime().toInstant())) {
                return c.days();
            }
            List<CsvBars.Day> days = CsvBars.parse(name, Files.readAllLines(file, StandardCharsets.UTF_8), calendar);
            cache.put(symbol, new Cached(a.size(), a.lastModifiedTime().toInstant(), days));
            return days;
        } catch (NoSuchFileException e) {
            throw new MarketDataException(MarketDataException.Problem.UNKNOWN_SYMBOL, "unknown symbol: no " + name
                    + " in " + folder + " (paper.csv_folder); add one with the header date,open,high,low,close,volume",
                    null);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new MarketDataException(MarketDataException.Problem.INVALID_MARKET_DATA, name + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static int lastOnOrBefore(List<CsvBars.Day> days, LocalDate date) {
        int lo = 0;
        int hi = days.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (days.get(mid).date().isAfter(date)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found;
    }
}
