package tech.brokerbridge.ibkr.internal.conn;

/** A monotonic nanosecond source; injectable for tests. */
@FunctionalInterface
public interface Ticker {
    long nanos();

    Ticker SYSTEM = System::nanoTime;
}
