package tech.brokerbridge.ai;

import java.time.Clock;
import java.util.Objects;
import tech.brokerbridge.ai.internal.OfflineRulesAdvisor;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretStore;

/**
 * Builds the {@link tech.brokerbridge.ports.advisor.Advisor} selected by {@link AdvisorConfig#provider()}.
 */
public final class AdvisorFactory {
    private AdvisorFactory() {
    }

    /**
     * The advisor for {@code config.provider()}.
     *
     * @throws IllegalArgumentException on an unknown provider (the message lists the valid ones)
     */
    public static AdvisorHandle create(AdvisorConfig config, SecretStore secrets, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(clock, "clock");
        if (config.provider().equals(OfflineRulesAdvisor.PROVIDER)) {
            return new OfflineRulesAdvisor();
        }
        throw new IllegalArgumentException("provider " + config.provider() + " is not available yet");
    }

    /** Tests a key against a provider with its cheapest authenticated call. */
    public static CredentialCheck testCredential(String provider, Secret key, AdvisorConfig config) {
        String name = AdvisorConfig.requireKnown(provider);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(config, "config");
        if (name.equals(OfflineRulesAdvisor.PROVIDER)) {
            return new CredentialCheck(CredentialCheck.Result.OK, "the offline advisor needs no key");
        }
        throw new IllegalArgumentException("provider " + name + " is not available yet");
    }
}
