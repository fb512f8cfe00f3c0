package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.stripe.StripeConfig;
import tech.brokerbridge.stripe.StripeLicenseServiceFactory;

/** adapter-stripe: license validation; asked in the background only, never on a request. */
final class StripeModule extends AbstractModule {
    @Provides
    @Singleton
    LicenseService licenseService(Config config) {
        return StripeLicenseServiceFactory.create(StripeConfig.from(config));
    }
}
