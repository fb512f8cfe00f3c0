package tech.brokerbridge.ports.license;

import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.Require;

/** What the license provider says now about a subscription. */
public sealed interface SubscriptionCheck {
    /**
     * The subscription exists.
     *
     * @param status the provider's status word, e.g. {@code active}, {@code trialing}, {@code canceled}
     * @param boundInstallation the installation id the subscription is bound to, if any
     */
    record Found(String subscriptionId, String status, Optional<String> boundInstallation,
            Optional<Instant> currentPeriodEnd) implements SubscriptionCheck {
        public Found {
            Require.nonNull("subscriptionId", subscriptionId, "status", status, "boundInstallation", boundInstallation,
                    "currentPeriodEnd", currentPeriodEnd);
        }
    }

    /** The provider knows no such subscription. */
    record NotFound(String reason) implements SubscriptionCheck {
    }

    /** The API key was refused. */
    record Unauthorized(String reason) implements SubscriptionCheck {
    }

    /** The provider could not be reached or answered with a transient error. Never means invalid. */
    record Unreachable(String reason) implements SubscriptionCheck {
    }
}
