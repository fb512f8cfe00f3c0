package tech.brokerbridge.core;

import tech.brokerbridge.core.internal.DefaultDesk;
import tech.brokerbridge.core.internal.DeskTuning;

import java.time.Clock;
import java.util.Objects;

/**
 * Makes a {@link Desk} from its configuration, its ports and a clock. This is the one way to build
 * the core, with or without a dependency-injection container:
 *
 * <pre>{@code
 * Desk desk = DeskFactory.create(DeskConfig.defaults("1.0.0"),
 *         new DeskPorts(broker, marketData, signals, advisor, journal, secrets, installation, licenseService),
 *         Clock.systemUTC());
 * desk.start();          // reconcile with the broker, subscribe to its events, start upkeep
 * desk.startTrading();   // optional: scan every scan_interval
 * ...
 * desk.close();
 * }</pre>
 *
 * <p>Time comes only from the clock given here. The desk starts no thread until {@link Desk#start()}
 * is called (its executors exist but are idle); {@link Desk#close()} stops them. Thread-safe.
 */
public final class DeskFactory {
    private DeskFactory() {
    }

    /**
     * A new, not yet started desk. Does no I/O.
     *
     * @throws NullPointerException when an argument is null
     */
    public static Desk create(DeskConfig config, DeskPorts ports, Clock clock) {
        return create(config, ports, clock, DeskTuning.defaults());
    }

    private static Desk create(DeskConfig config, DeskPorts ports, Clock clock, DeskTuning tuning) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tuning, "tuning");
        return new DefaultDesk(config, ports, clock, tuning);
    }
}
