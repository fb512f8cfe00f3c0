package tech.brokerbridge.core;

import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;

/**
 * The license provider of a desk built without one (e.g. an embedder that only paper-trades in the
 * evaluation): every call answers {@link SubscriptionCheck.Unreachable}, so an activation is refused
 * and nothing is ever bound. Thread-safe, no I/O. Package-private: only {@link DeskPorts} hands it
 * out, and it lives beside it so that the published root never reaches into {@code internal}.
 */
final class NoLicenseService implements LicenseService {
    /** The one instance. */
    static final NoLicenseService INSTANCE = new NoLicenseService();
    private static final String REASON = "this desk was built without a license provider";

    private NoLicenseService() {
    }

    @Override
    public SubscriptionCheck check(Secret licenseKey, Secret apiKey) {
        return new SubscriptionCheck.Unreachable(REASON);
    }

    @Override
    public SubscriptionCheck bind(Secret licenseKey, Secret apiKey, String installationId) {
        return new SubscriptionCheck.Unreachable(REASON);
    }
}
