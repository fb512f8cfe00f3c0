package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.time.Clock;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.setup.SetupModule;

/** The desk's Guice modules: configuration, then one module per adapter, then the core and the lifecycle. */
public final class DeskModules {
    private DeskModules() {
    }

    /** One strict module: explicit bindings only, {@code @Inject} constructors only, no circular proxies. */
    public static Module all(Config config, Clock clock) {
        return all(config, clock, new KeyringModule(config));
    }

    /** As {@link #all(Config, Clock)}, with a keyring module made before (its vault already opening). */
    static Module all(Config config, Clock clock, KeyringModule keyring) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                bind(Config.class).toInstance(config);
                bind(Clock.class).toInstance(clock);
                install(keyring);
                install(new SqliteModule());
                install(BrokerModule.forKind(config));
                install(new SignalsModule());
                install(new AiModule());
                install(new StripeModule());
                install(new NotifyModule());
                install(new CoreModule());
                install(new SetupModule());
                install(new HttpModule());
                bind(ManagedServices.class);
            }
        };
    }
}
