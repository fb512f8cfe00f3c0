package tech.brokerbridge.ports.license;

import tech.brokerbridge.ports.Secret;

/**
 * The license provider (driven port). Called from a background schedule and on activation only,
 * never on an API request. Blocks at most the adapter's timeouts (connect 5 s, read 10 s, with at
 * most 2 retries); failures to reach the provider come back as {@link SubscriptionCheck.Unreachable},
 * not as exceptions.
 */
public interface LicenseService {
    /** What the provider says about the subscription {@code licenseKey}, using {@code apiKey}. */
    SubscriptionCheck check(Secret licenseKey, Secret apiKey);

    /** Binds the subscription to {@code installationId} and returns what the provider says afterwards. */
    SubscriptionCheck bind(Secret licenseKey, Secret apiKey, String installationId);
}
