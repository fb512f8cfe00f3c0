package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.notify.Notifications;
import tech.brokerbridge.notify.NotifierFactory;
import tech.brokerbridge.notify.NotifyConfig;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.notify.Notifier;
import tech.brokerbridge.ports.secrets.SecretStore;

/** adapter-notify: the notification channels the configuration names (none by default). */
final class NotifyModule extends AbstractModule {
    @Provides
    @Singleton
    Notifications notifications(Config config, SecretStore secrets, Journal journal, Clock clock) {
        return NotifierFactory.create(NotifyConfig.from(config), secrets, journal, clock);
    }

    @Provides
    @Singleton
    Notifier notifier(Notifications notifications) {
        return notifications;
    }
}
