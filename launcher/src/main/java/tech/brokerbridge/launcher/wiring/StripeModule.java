package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.net.URI;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.stripe.StripeConfig;
import tech.brokerbridge.stripe.StripeLicenseServiceFactory;

/** adapter-stripe: license validation; asked in the background only, never on a request. */
final class StripeModule extends AbstractModule {
    @Provides
    @Singleton
    LicenseService licenseService(Config config) {
        return StripeLicenseServiceFactory.create(
                StripeConfig.defaults().withApiBase(URI.create(config.text(Settings.STRIPE_API_BASE))));
    }
}
