package tech.brokerbridge.ai;

import java.time.Clock;
import java.util.Objects;
import tech.brokerbridge.ai.internal.OfflineRulesAdvisor;
import tech.brokerbridge.ai.internal.Providers;
import tech.brokerbridge.ai.internal.Sleeper;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretStore;

/**
 * Builds the {@link tech.brokerbridge.ports.advisor.Advisor} that {@link AdvisorConfig#provider()}
 * selects: {@code offline} (the embedded default, deterministic rules, no network, no key),
 * {@code claude}, {@code openai}, {@code openrouter} or {@code google}.
 *
 * <p><b>Network advisors.</b> Each owns one JDK {@code HttpClient} (HTTP/2 over https, connection
 * reuse). {@code decide} is thread-safe and blocking: it reads {@code <provider>.api_key} from the
 * {@link SecretStore} at every call (a newly saved key works without a restart), sends the fixed
 * system prompt and the {@code DecisionRequest} as JSON and nothing else, and checks the answer
 * against the decision contract. Each HTTP call is bounded by {@link AdvisorConfig#timeout()};
 * 429/408/5xx (Anthropic's 529 included) are retried up to {@link AdvisorConfig#maxRetries()} times
 * with backoff honouring {@code Retry-After} (a wait over 20 s is not made); an invalid, cut-off or
 * refused answer gets one repair attempt. So one decision takes at most about
 * {@code 2 × (maxRetries + 1) × timeout} plus the waits.
 *
 * <p><b>Errors.</b> {@code decide} throws {@link tech.brokerbridge.ports.advisor.AdvisorException}
 * only: {@code UNAUTHORIZED} ("unauthorized" on 401/403 or Gemini's bad-key 400, never retried;
 * "no API key saved for &lt;provider&gt;"), {@code TIMEOUT}, {@code UNREACHABLE}, {@code RATE_LIMITED}
 * (also out of credit) or {@code INVALID_RESPONSE} (the answer stayed invalid after the repair, or the
 * provider refused the request). The exception, like the returned advice, carries every exchange for
 * the audit. The key never appears in an exchange, a log line or a message.
 */
public final class AdvisorFactory {
    private AdvisorFactory() {
    }

    /**
     * The advisor for {@code config.provider()}. Makes no network call.
     *
     * @param secrets where the providers' API keys are read, at call time
     * @param clock stamps the exchanges
     * @throws IllegalArgumentException when the configured model cannot be used in a URL
     */
    public static AdvisorHandle create(AdvisorConfig config, SecretStore secrets, Clock clock) {
        return create(config, secrets, clock, Sleeper.real());
    }

    static AdvisorHandle create(AdvisorConfig config, SecretStore secrets, Clock clock, Sleeper sleeper) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(clock, "clock");
        String provider = config.provider();
        if (provider.equals(OfflineRulesAdvisor.PROVIDER)) {
            return new OfflineRulesAdvisor();
        }
        return Providers.advisor(provider, config.baseUrl(provider), config.model(provider), config.timeout(),
                config.maxRetries(), secrets, clock, sleeper);
    }

    /**
     * Tests a key with the provider's cheapest authenticated call, once, without retries and within
     * {@code config.timeout()}: {@code GET /v1/models} (claude, openai), {@code GET /api/v1/key}
     * (openrouter), {@code GET /v1beta/models} (google). Blocking; never throws for a network problem.
     *
     * @return ok, unauthorized (the provider refused the key, or the key is empty) or unreachable
     *     (no connection, timeout, or any other answer), with a message free of the key
     * @throws IllegalArgumentException on an unknown provider (the message lists the valid ones)
     */
    public static CredentialCheck testCredential(String provider, Secret key, AdvisorConfig config) {
        String name = AdvisorConfig.requireKnown(provider);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(config, "config");
        if (name.equals(OfflineRulesAdvisor.PROVIDER)) {
            return new CredentialCheck(CredentialCheck.Result.OK, "the offline advisor needs no key");
        }
        return Providers.testCredential(name, config.baseUrl(name), key, config.timeout());
    }
}
