package tech.brokerbridge.core.internal.market;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * What the desk saw of its market data lately, for {@code GET /api/health}: the symbols last priced on
 * delayed data, and one line per symbol whose data could not be read the last time it was asked for
 * (a later successful read clears it). Thread-safe; in memory.
 *
 * <p>{@link #status} is asked on every {@code GET /api/health} and the lists rarely change: the last status
 * is kept with the version of the lists it was copied from, and made again only after a change (issue 17's
 * profile: copying the two concurrent collections was about 5 % of a health request).
 */
public final class MarketDataHealth {
    private final Map<String, String> problems = new ConcurrentSkipListMap<>();
    private final Set<String> delayed = new ConcurrentSkipListSet<>();
    /** Bumped after every change of the lists: a status copied at an older version is stale. */
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot last;

    private record Snapshot(long version, PriceSource source, Health.MarketDataStatus status) {
    }

    /** {@code symbol}'s data could not be read. */
    public void failed(String symbol, MarketDataException e) {
        String line = line(symbol, e);
        if (!line.equals(problems.put(symbol, line))) {
            version.incrementAndGet();
        }
    }

    /** {@code symbol}'s bars were read. */
    public void read(String symbol) {
        if (problems.remove(symbol) != null) {
            version.incrementAndGet();
        }
    }

    /** {@code symbol} was quoted; a delayed quote is remembered as such. */
    public void quoted(Quote q) {
        boolean changed = problems.remove(q.symbol()) != null;
        if (q.freshness().delayed()) {
            changed |= delayed.add(q.symbol());
        } else {
            changed |= delayed.remove(q.symbol());
        }
        if (changed) {
            version.incrementAndGet();
        }
    }

    public Health.MarketDataStatus status(PriceSource source) {
        // the version is read before the copy: a change made during the copy leaves this status stale
        long v = version.get();
        Snapshot s = last;
        if (s != null && s.version() == v && s.source().equals(source)) {
            return s.status();
        }
        Health.MarketDataStatus status = new Health.MarketDataStatus(source, List.copyOf(delayed),
                List.copyOf(problems.values()));
        last = new Snapshot(v, source, status);
        return status;
    }

    /** One line for a person: {@code NVDA [no_market_data_permission]: ...}. */
    public static String line(String symbol, MarketDataException e) {
        return symbol + " [" + e.problem().code() + "]: " + e.getMessage();
    }
}
