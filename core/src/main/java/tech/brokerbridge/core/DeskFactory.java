package tech.brokerbridge.core;

import tech.brokerbridge.core.internal.DefaultDesk;
import tech.brokerbridge.core.internal.DeskTuning;
import tech.brokerbridge.core.internal.setup.SetupService;
import tech.brokerbridge.ports.config.ConfigurationStore;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.setup.CredentialProbes;

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

    /**
     * The setup use cases of a desk: its configuration, edited through {@code configuration} (read,
     * checked and staged, then committed as the next start will load it), and the credentials in
     * {@code secrets}, tested through {@code probes}. Business settings that change are applied to
     * {@code desk} at once ({@link Desk#reconfigure}); the rest waits for a restart. Live trading needs
     * {@code broker.kind} {@code ibkr} and a license that allows it. Does no I/O; thread-safe.
     *
     * @throws NullPointerException when an argument is null
     */
    public static SetupDesk createSetup(Desk desk, ConfigurationStore configuration, SecretStore secrets,
            CredentialProbes probes) {
        return new SetupService(configuration, desk, secrets, probes);
    }

    private static Desk create(DeskConfig config, DeskPorts ports, Clock clock, DeskTuning tuning) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tuning, "tuning");
        return new DefaultDesk(config, ports, clock, tuning);
    }
}
