package tech.brokerbridge.launcher.wiring;

import com.google.inject.Inject;
import java.time.Duration;
import java.util.List;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.http.LocalHttpServer;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.DaemonSettings;
import tech.brokerbridge.notify.Notifications;
import tech.brokerbridge.sqlite.ClosableJournal;

/**
 * The services of a running desk in start order: journal, vault, broker, desk, the vault's key,
 * notifications, HTTP server. They are stopped in reverse order, so the HTTP server stops accepting and
 * finishes in-flight requests first, notifications stop reading presses before the desk closes, and the
 * journal closes last. The vault opens in the background from the moment the desk is assembled
 * ({@link OpeningVault}); "vault key" waits for it, so a vault that cannot be opened fails the start
 * before the HTTP server answers.
 */
public final class ManagedServices {
    private final List<Service> services;
    private final LocalHttpServer http;

    @Inject
    ManagedServices(Config config, ClosableJournal journal, OpeningVault vault, BrokerService broker, Desk desk,
            Notifications notifications, LocalHttpServer http) {
        this.http = http;
        Duration grace = Duration.ofSeconds(config.get(DaemonSettings.SHUTDOWN_GRACE_SECONDS));
        this.services = List.of(
                new Service("journal", () -> { }, journal::close),
                new Service("vault", () -> { }, vault::close),
                new Service("broker", broker::start, broker::stop),
                new Service("desk", desk::start, desk::close),
                new Service("vault key", vault::awaitOpen, () -> { }),
                new Service("notifications", () -> notifications.start(desk), notifications::close),
                new Service("http", http::start, () -> http.stop(grace)));
    }

    public List<Service> inStartOrder() {
        return services;
    }

    public int httpPort() {
        return http.port();
    }

    /** A named service: what starts it and what stops it. */
    public record Service(String name, Runnable start, Runnable stop) {
    }
}
