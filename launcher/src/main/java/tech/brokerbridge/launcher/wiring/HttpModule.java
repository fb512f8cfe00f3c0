package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.http.HttpServerFactory;
import tech.brokerbridge.http.LocalHttpServer;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.setup.FileConfigurationStore;
import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.desk.TradingDesk;

/** adapter-http: the local API server. */
final class HttpModule extends AbstractModule {
    @Provides
    @Singleton
    LocalHttpServer server(Config config, TradingDesk desk, SetupDesk setup, FileConfigurationStore saved,
            LicenseDesk license, Clock clock) {
        return HttpServerFactory.create(HttpServerConfig.from(VersionInfo.version(), config), desk, setup, license,
                clock, saved::masked);
    }
}
