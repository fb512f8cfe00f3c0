package tech.brokerbridge.notify;

import java.time.Clock;
import java.util.Objects;
import tech.brokerbridge.notify.internal.DefaultNotifications;
import tech.brokerbridge.ports.journal.OutboundAudit;
import tech.brokerbridge.ports.secrets.SecretStore;

/**
 * Makes the desk's {@link Notifications} from their configuration:
 *
 * <pre>{@code
 * Notifications notifications = NotifierFactory.create(NotifyConfig.from(settings), vault, journal, clock);
 * Desk desk = DeskFactory.create(config, ports.withNotifier(notifications), clock);
 * desk.start();
 * notifications.start(desk);
 * }</pre>
 *
 * <p>Secrets are read from {@code secrets} at each use ({@code telegram.bot_token}, {@code smtp.password},
 * {@code ntfy.token}, {@code webhook.secret}); every exchange is written to {@code audit}. Does no I/O
 * and starts no thread until {@link Notifications#start}.
 */
public final class NotifierFactory {
    private NotifierFactory() {
    }

    /**
     * @throws IllegalArgumentException when {@code notifications.smtp.ca_file} cannot be read
     * @throws NullPointerException when an argument is null
     */
    public static Notifications create(NotifyConfig config, SecretStore secrets, OutboundAudit audit, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        return new DefaultNotifications(config, secrets, audit, clock);
    }
}
