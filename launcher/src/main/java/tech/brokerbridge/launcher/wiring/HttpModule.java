package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.http.HttpServerFactory;
import tech.brokerbridge.http.LocalHttpServer;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.launcher.setup.SetupService;
import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.desk.TradingDesk;

/** adapter-http: the local API server. */
final class HttpModule extends AbstractModule {
    @Provides
    @Singleton
    LocalHttpServer server(Config config, TradingDesk desk, SetupService setup, LicenseDesk license, Clock clock) {
        HttpServerConfig defaults = HttpServerConfig.defaults(VersionInfo.version());
        HttpServerConfig cfg = new HttpServerConfig(config.integer(Settings.PORT),
                config.rateRequests(Settings.RATE_LIMIT), config.rateWindow(Settings.RATE_LIMIT),
                new HashSet<>(config.list(Settings.ALLOWED_HOSTS)), config.secret(Settings.ADMIN_TOKEN),
                defaults.maxBodyBytes(), defaults.idleTimeout(), defaults.blockingThreads(), VersionInfo.version(),
                config.integer(Settings.MAX_CONNECTIONS),
                Math.min(config.integer(Settings.MAX_CONNECTIONS_PER_CLIENT), config.integer(Settings.MAX_CONNECTIONS)),
                Duration.ofSeconds(config.integer(Settings.BODY_TIMEOUT_SECONDS)));
        return HttpServerFactory.create(cfg, desk, setup, license, clock, setup::maskedConfig);
    }
}
