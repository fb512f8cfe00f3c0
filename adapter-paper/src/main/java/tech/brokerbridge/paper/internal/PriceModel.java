package tech.brokerbridge.paper.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * The simulated market's prices: for every symbol it lists ({@link SimulatedSymbols}), a deterministic
 * history seeded by the symbol and the configured seed ({@link SymbolPath}) at a plausible level, and a
 * live price that follows the day's intraday path in five-minute steps during the session and rests at
 * the last close outside it. Other symbols are refused. Thread-safe.
 */
public final class PriceModel implements PriceFeed {
    /** How the simulated source names itself: never as a real quote. */
    static final PriceSource SOURCE = new PriceSource("simulated", true, "simulated prices: deterministic made-up"
            + " series near a plausible level for " + SimulatedSymbols.count() + " well-known US symbols, not real"
            + " quotes (paper.market_data=csv or ibkr for real prices)");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");
    private static final int CACHED_SYMBOLS = 256;

    private final long seed;
    private final TradingCalendar calendar;
    private final Map<String, SymbolPath> paths = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SymbolPath> eldest) {
            return size() > CACHED_SYMBOLS;
        }
    };

    public PriceModel(long seed, TradingCalendar calendar) {
        this.seed = seed;
        this.calendar = calendar;
    }

    /** True for symbols that look like a ticker, {@code [A-Z][A-Z0-9.]{0,9}}: what an account may hold. */
    public static boolean isListed(String symbol) {
        return SYMBOL.matcher(symbol).matches();
    }

    @Override
    public PriceSource source() {
        return SOURCE;
    }

    @Override
    public void requireKnown(String symbol) {
        if (SimulatedSymbols.level(symbol).isEmpty()) {
            throw new MarketDataException(MarketDataException.Problem.UNKNOWN_SYMBOL, SimulatedSymbols.unknown(symbol),
                    null);
        }
    }

    @Override
    public List<Bar> bars(BarRequest request, LocalDate today) {
        requireKnown(request.symbol());
        return dailyBars(request.symbol(), today.minus(request.lookback()), today);
    }

    @Override
    public Quote quote(String symbol, double livePrice, Instant now) {
        return new Quote(symbol, livePrice, Quote.Freshness.REALTIME, now);
    }

    /** The seed the price histories are drawn from. */
    public long seed() {
        return seed;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    /** Daily bars for the trading days in [{@code from}, {@code toExclusive}), oldest first. */
    public List<Bar> dailyBars(String symbol, LocalDate from, LocalDate toExclusive) {
        SymbolPath path = path(symbol);
        List<Bar> bars = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            path.day(d).ifPresent(day -> bars.add(new Bar(day.date().atStartOfDay().toInstant(ZoneOffset.UTC),
                    day.open(), day.high(), day.low(), day.close(), day.volume())));
        }
        return bars;
    }

    /** The model's price of {@code symbol} at {@code time}, in cents. */
    @Override
    public double priceAt(String symbol, Instant time) {
        SymbolPath path = path(symbol);
        LocalDate date = LocalDate.ofInstant(time, ZoneOffset.UTC);
        if (!calendar.isTradingDay(date) || date.isBefore(SymbolPath.EPOCH)) {
            return path.closeOnOrBefore(date);
        }
        Instant open = TradingCalendar.openOf(date);
        if (time.isBefore(open)) {
            return path.closeOnOrBefore(calendar.previousTradingDay(date));
        }
        long step = Duration.between(open, time).toMinutes() / TradingCalendar.STEP_MINUTES;
        return path.stepPrice(date, (int) Math.min(step, TradingCalendar.SESSION_STEPS));
    }

    private SymbolPath path(String symbol) {
        synchronized (paths) {
            requireKnown(symbol);
            return paths.computeIfAbsent(symbol, s -> new SymbolPath(symbolSeed(s), calendar,
                    SimulatedSymbols.level(s).orElseThrow(), SimulatedSymbols.REFERENCE_DATE));
        }
    }

    private long symbolSeed(String symbol) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64: stable across JVMs, unlike identity hashes
        for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new SplittableRandom(h ^ seed).nextLong();
    }
}
