package tech.brokerbridge.core.internal.market;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * What the desk saw of its market data lately, for {@code GET /api/health}: the symbols last priced on
 * delayed data, and one line per symbol whose data could not be read the last time it was asked for
 * (a later successful read clears it). Thread-safe; in memory.
 */
public final class MarketDataHealth {
    private final Map<String, String> problems = new ConcurrentSkipListMap<>();
    private final Set<String> delayed = new ConcurrentSkipListSet<>();

    /** {@code symbol}'s data could not be read. */
    public void failed(String symbol, MarketDataException e) {
        problems.put(symbol, line(symbol, e));
    }

    /** {@code symbol}'s bars were read. */
    public void read(String symbol) {
        problems.remove(symbol);
    }

    /** {@code symbol} was quoted; a delayed quote is remembered as such. */
    public void quoted(Quote q) {
        problems.remove(q.symbol());
        if (q.freshness().delayed()) {
            delayed.add(q.symbol());
        } else {
            delayed.remove(q.symbol());
        }
    }

    public Health.MarketDataStatus status(PriceSource source) {
        return new Health.MarketDataStatus(source, List.copyOf(delayed), List.copyOf(problems.values()));
    }

    /** One line for a person: {@code NVDA [no_market_data_permission]: ...}. */
    public static String line(String symbol, MarketDataException e) {
        return symbol + " [" + e.problem().code() + "]: " + e.getMessage();
    }
}
