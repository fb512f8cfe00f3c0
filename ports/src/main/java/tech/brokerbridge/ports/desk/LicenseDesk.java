package tech.brokerbridge.ports.desk;

import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseState;

/**
 * The license use cases (driving port): what {@code GET /api/license}, {@code POST /api/license/activate}
 * and {@code POST /api/admin/license/refresh} call.
 *
 * <p>Thread-safe. {@link #license()} is an in-memory read that never blocks and never asks the
 * license provider. {@link #activate} and {@link #refresh()} ask the provider and block for at most
 * its timeouts (connect 5 s, read 10 s, at most 2 retries); they are serialized with the desk's
 * background checks. Outcomes are values; only a failing vault or journal surfaces as a
 * {@link tech.brokerbridge.ports.PortException}.
 */
public interface LicenseDesk {
    /** The current license state; an in-memory read, never blocks. */
    LicenseState license();

    /**
     * Binds the subscription {@code licenseKey} ({@code sub_…}) to this installation, using the
     * restricted Stripe key {@code stripeKey}, which moves it away from any other installation. Only
     * when the provider confirms a paid subscription bound here are both keys saved in the vault and
     * the state becomes {@code licensed}; otherwise nothing is saved and the state is unchanged.
     */
    ActivationResult activate(Secret licenseKey, Secret stripeKey);

    /**
     * Asks the provider now about the saved license (never rebinds it) and returns the new state.
     * Without a saved license key it asks nothing and returns the current state.
     */
    LicenseState refresh();
}
