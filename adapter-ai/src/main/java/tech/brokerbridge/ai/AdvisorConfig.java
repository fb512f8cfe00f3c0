package tech.brokerbridge.ai;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which advisor to build and how it reaches its provider.
 *
 * <p>{@code models} and {@code baseUrls} hold overrides per provider name; a provider missing from
 * them uses {@link #DEFAULT_MODELS} and {@link #DEFAULT_BASE_URLS}. A base URL means what it means in
 * the provider's official SDK: the client appends {@code /v1/messages} (claude),
 * {@code /chat/completions} (openai, openrouter) or {@code /v1beta/models/{model}:generateContent}
 * (google).
 *
 * @param provider one of {@link #PROVIDERS}: {@code offline} (default, no network), {@code claude},
 *     {@code openai}, {@code openrouter}, {@code google}
 * @param models model per provider name (overrides)
 * @param baseUrls base URL per provider name (overrides), {@code http} or {@code https}
 * @param timeout per HTTP call, positive (default 30 s); a decision with its retries and its one
 *     repair attempt may take a few of these
 * @param maxRetries retries on 429, 408 and 5xx (and I/O errors other than timeouts), 0..5 (default 2)
 */
public record AdvisorConfig(String provider, Map<String, String> models, Map<String, URI> baseUrls,
        Duration timeout, int maxRetries) {
    /** The valid provider names. */
    public static final List<String> PROVIDERS = List.of("offline", "claude", "openai", "openrouter", "google");

    /** Default model per provider. */
    public static final Map<String, String> DEFAULT_MODELS = Map.of(
            "offline", "rules-v1",
            "claude", "claude-sonnet-4-6",
            "openai", "gpt-5.4-mini",
            "openrouter", "openai/gpt-5.4-mini",
            "google", "gemini-3.5-flash");

    /** Default base URL per network provider, as the official SDKs define it. */
    public static final Map<String, URI> DEFAULT_BASE_URLS = Map.of(
            "claude", URI.create("https://api.anthropic.com"),
            "openai", URI.create("https://api.openai.com/v1"),
            "openrouter", URI.create("https://openrouter.ai/api/v1"),
            "google", URI.create("https://generativelanguage.googleapis.com"));

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RETRIES = 2;

    /**
     * @throws IllegalArgumentException on an unknown provider (the message lists the valid ones), a
     *     non-positive timeout, retries outside 0..5, or a base URL that is not absolute http(s)
     */
    public AdvisorConfig {
        provider = requireKnown(provider);
        models = normalized(models);
        baseUrls = normalized(baseUrls);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxRetries < 0 || maxRetries > 5) {
            throw new IllegalArgumentException("maxRetries must be in 0..5: " + maxRetries);
        }
        models.forEach((name, model) -> {
            if (model.isBlank()) {
                throw new IllegalArgumentException("blank model for " + name);
            }
        });
        baseUrls.forEach((name, url) -> {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException("base URL for " + name + " must be an absolute http(s) URL");
            }
            if (url.getRawQuery() != null || url.getRawUserInfo() != null) {
                throw new IllegalArgumentException("base URL for " + name + " must not hold a query or user info");
            }
        });
    }

    /** The embedded default: the offline rules advisor, default models and URLs, 30 s, 2 retries. */
    public static AdvisorConfig defaults() {
        return new AdvisorConfig("offline", Map.of(), Map.of(), DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES);
    }

    /** The model used for that provider (the override, else the default). */
    public String model(String providerName) {
        String name = requireKnown(providerName);
        return models.getOrDefault(name, DEFAULT_MODELS.get(name));
    }

    /** The base URL used for that network provider, without a trailing slash. */
    public URI baseUrl(String providerName) {
        String name = requireKnown(providerName);
        URI url = baseUrls.getOrDefault(name, DEFAULT_BASE_URLS.get(name));
        if (url == null) {
            throw new IllegalArgumentException("provider " + name + " has no base URL");
        }
        String s = url.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : url;
    }

    /** A copy selecting another provider. */
    public AdvisorConfig withProvider(String newProvider) {
        return new AdvisorConfig(newProvider, models, baseUrls, timeout, maxRetries);
    }

    /** A copy with a model override for one provider. */
    public AdvisorConfig withModel(String providerName, String model) {
        Map<String, String> m = new HashMap<>(models);
        m.put(providerName, model);
        return new AdvisorConfig(provider, m, baseUrls, timeout, maxRetries);
    }

    /** A copy with a base URL override for one provider. */
    public AdvisorConfig withBaseUrl(String providerName, URI url) {
        Map<String, URI> m = new HashMap<>(baseUrls);
        m.put(providerName, url);
        return new AdvisorConfig(provider, models, m, timeout, maxRetries);
    }

    /** A copy with another per-call timeout. */
    public AdvisorConfig withTimeout(Duration newTimeout) {
        return new AdvisorConfig(provider, models, baseUrls, newTimeout, maxRetries);
    }

    /** A copy with another retry count. */
    public AdvisorConfig withMaxRetries(int retries) {
        return new AdvisorConfig(provider, models, baseUrls, timeout, retries);
    }

    private static <V> Map<String, V> normalized(Map<String, V> byProvider) {
        Map<String, V> m = new HashMap<>();
        byProvider.forEach((name, value) -> m.put(requireKnown(name), Objects.requireNonNull(value, name)));
        return Map.copyOf(m);
    }

    static String requireKnown(String name) {
        Objects.requireNonNull(name, "provider");
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(n)) {
            throw new IllegalArgumentException(
                    "unknown AI provider '" + name + "'; valid: " + String.join(", ", PROVIDERS));
        }
        return n;
    }
}
