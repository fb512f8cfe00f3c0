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
 * per symbol. Counts its calls and remembers the symbols asked. Thread-safe.
 */
public final class FakeSignalSource implements SignalSource {
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
        return setups.getOrDefault(symbol, List.of());
    }
}
