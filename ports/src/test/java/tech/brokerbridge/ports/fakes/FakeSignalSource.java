package tech.brokerbridge.ports.fakes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.signals.Setup;
import tech.brokerbridge.ports.signals.SignalSource;
import tech.brokerbridge.ports.signals.SignalSourceException;

/**
 * A {@link SignalSource} with scripted answers: setups per symbol (none by default), or a failure
 * per symbol. Like the real source, it first checks the bars: fewer than {@value #MIN_BARS} or out of
 * order is a {@link SignalSourceException} (proven by {@code FakeSignalSourceContractTest}). Counts
 * its calls and remembers the symbols asked. Thread-safe.
 */
public final class FakeSignalSource implements SignalSource {
    /** The fewest bars a scan accepts, as many as the ta4j source needs. */
    public static final int MIN_BARS = 60;
    private final Map<String, List<Setup>> setups = new ConcurrentHashMap<>();
    private final Map<String, SignalSourceException> failures = new ConcurrentHashMap<>();
    private final List<String> scanned = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** From now on, scanning {@code symbol} returns these setups. */
    public FakeSignalSource script(String symbol, Setup... found) {
        setups.put(symbol, List.of(found));
        failures.remove(symbol);
        return this;
    }

    public FakeSignalSource fail(String symbol, SignalSourceException e) {
        failures.put(symbol, e);
        return this;
    }

    public int calls() {
        return calls.get();
    }

    public List<String> scannedSymbols() {
        return List.copyOf(scanned);
    }

    @Override
    public List<Setup> scan(String symbol, List<Bar> bars) {
        calls.incrementAndGet();
        scanned.add(symbol);
        SignalSourceException e = failures.get(symbol);
        if (e != null) {
            throw e;
        }
        if (bars.size() < MIN_BARS) {
            throw new SignalSourceException("too few bars for " + symbol + ": " + bars.size() + ", need at least "
                    + MIN_BARS, null);
        }
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).time().isAfter(bars.get(i - 1).time())) {
                throw new SignalSourceException("bars of " + symbol + " are not oldest first at " + bars.get(i).time(),
                        null);
            }
        }
        return setups.getOrDefault(symbol, List.of());
    }
}
