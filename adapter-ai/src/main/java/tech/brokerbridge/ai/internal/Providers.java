package tech.brokerbridge.ai.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tech.brokerbridge.ai.CredentialCheck;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.secrets.SecretStore;

/** Builds the network advisors and runs credential tests; the public factory delegates here. */
public final class Providers {
    private Providers() {
    }

    /**
     * An advisor for a network provider.
     *
     * @throws IllegalArgumentException when the name is not one of claude, openai, openrouter, google,
     *     or the model cannot form a URL
     */
    public static HttpAdvisor advisor(String provider, URI base, String model, Duration timeout, int maxRetries,
            SecretStore secrets, Clock clock, Sleeper sleeper) {
        return new HttpAdvisor(protocol(provider), base, model, timeout, maxRetries, secrets, clock, sleeper);
    }

    /**
     * The provider's cheapest authenticated call with that key, once, no retries: ok on 2xx,
     * unauthorized on 401/403 (Gemini: 400 {@code API_KEY_INVALID}), unreachable otherwise.
     */
    public static CredentialCheck testCredential(String provider, URI base, Secret key, Duration timeout) {
        ProviderProtocol protocol = protocol(provider);
        String value = key.reveal();
        if (value.isBlank()) {
            return new CredentialCheck(CredentialCheck.Result.UNAUTHORIZED, "no key given for " + provider);
        }
        URI uri = protocol.keyCheckUri(base);
        Map<String, String> headers = new HashMap<>(protocol.headers(value));
        headers.remove("content-type"); // a GET has no body
        HttpTransport.Response response;
        try {
            response = new HttpTransport(base, timeout).get(uri, headers);
        } catch (HttpTimeoutException e) {
            return new CredentialCheck(CredentialCheck.Result.UNREACHABLE,
                    provider + " did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new CredentialCheck(CredentialCheck.Result.UNREACHABLE, "cannot reach " + uri.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CredentialCheck(CredentialCheck.Result.UNREACHABLE, "interrupted");
        }
        if (response.status() / 100 == 2) {
            return new CredentialCheck(CredentialCheck.Result.OK, "key accepted by " + provider);
        }
        Failure failure = protocol.failure(response.status(), ProviderCaller.mask(response.body(), value));
        if (failure.kind() == AdvisorException.Kind.UNAUTHORIZED) {
            return new CredentialCheck(CredentialCheck.Result.UNAUTHORIZED, "unauthorized");
        }
        return new CredentialCheck(CredentialCheck.Result.UNREACHABLE, provider + ": " + failure.message());
    }

    private static ProviderProtocol protocol(String provider) {
        return switch (provider) {
            case "claude" -> new AnthropicProtocol();
            case "openai" -> OpenAiProtocol.openAi();
            case "openrouter" -> OpenAiProtocol.openRouter();
            case "google" -> new GeminiProtocol();
            default -> throw new IllegalArgumentException("not a network AI provider: " + provider
                    + "; valid: claude, openai, openrouter, google");
        };
    }
}
