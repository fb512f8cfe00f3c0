package tech.brokerbridge.paper;

import java.time.Clock;
import java.util.Objects;
import tech.brokerbridge.paper.internal.SimulatedMarket;

/**
 * Creates the paper market: the embedded default broker and market data, simulated in memory.
 *
 * <p>Creation is cheap and does no I/O. See {@link PaperMarket} for time, threading and errors.
 */
public final class PaperFactory {
    private PaperFactory() {
    }

    /**
     * A new, independent paper market with a fresh account.
     *
     * @param config starting cash, currency and price seed
     * @param clock the desk's clock; the simulated market never runs behind it
     */
    public static PaperMarket create(PaperConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new SimulatedMarket(config, clock);
    }
}
