package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import tech.brokerbridge.ports.signals.SignalSource;
import tech.brokerbridge.signals.SignalSourceFactory;
import tech.brokerbridge.signals.SignalsConfig;

/** adapter-signals: the ta4j scanner plugins. */
final class SignalsModule extends AbstractModule {
    @Provides
    @Singleton
    SignalSource signalSource() {
        return SignalSourceFactory.create(SignalsConfig.defaults());
    }
}
