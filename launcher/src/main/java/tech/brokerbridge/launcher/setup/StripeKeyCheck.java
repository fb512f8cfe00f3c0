package tech.brokerbridge.launcher.setup;

import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.setup.CredentialTest;

/**
 * Tests a Stripe restricted key for {@code POST /api/credentials/test} with provider {@code stripe}.
 * {@link #NOT_AVAILABLE} is bound until the license adapter provides a check (bind it in
 * {@link SetupModule}); it answers {@code not_available} and asks nothing. Implementations block for
 * at most their own timeout, never throw for a network problem, and never put the key in a message.
 */
@FunctionalInterface
public interface StripeKeyCheck {
    /** No Stripe check in this build. */
    StripeKeyCheck NOT_AVAILABLE = key -> new CredentialTest(CredentialTest.Result.NOT_AVAILABLE,
            "testing a Stripe key is not available in this build; activating the license checks it"
                    + " (POST /api/license/activate)");

    CredentialTest test(Secret key);
}
