package tech.brokerbridge.ai;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * Which advisor to build and how it reaches its provider. It owns the settings {@link #PROVIDER},
 * {@link #MODEL}, {@link #TIMEOUT_SECONDS}, {@link #MAX_RETRIES} and one base URL per network provider
 * ({@link #BASE_URLS}), published as {@link #SETTINGS}, and builds itself from configured values
 * with {@link #from}.
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

    public static final Setting<String> PROVIDER = Setting.choice("ai_provider.provider", PROVIDERS, "offline",
            "the advisor: the offline rules advisor or an AI provider (its API key must be saved)")
            .withAliases("BROKERBRIDGE_AI_PROVIDER");
    public static final Setting<String> MODEL = Setting.text("ai_provider.model",
            Pattern.compile("[A-Za-z0-9._:/@-]{0,100}"), "a model name", "",
            "model of the selected provider; empty uses the provider's default");
    public static final Setting<Integer> TIMEOUT_SECONDS = Setting.integer("ai.timeout_seconds", 1, 600, 30,
            "timeout of one AI call");
    public static final Setting<Integer> MAX_RETRIES = Setting.integer("ai.max_retries", 0, 5, 2,
            "retries on 429 and 5xx, honouring Retry-After");
    /** {@code ai_provider.base_urls.<provider>}, per network provider. */
    public static final Map<String, Setting<URI>> BASE_URLS = baseUrlSettings();
    /** The adapter's settings. */
    public static final SettingGroup SETTINGS = SettingGroup.of("AdvisorConfig", settings());

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS.defaultValue().orElseThrow());
    public static final int DEFAULT_MAX_RETRIES = MAX_RETRIES.defaultValue().orElseThrow();

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
        SETTINGS.require(Map.of(MAX_RETRIES, maxRetries));
        models.forEach((name, model) -> {
            if (model.isBlank()) {
                throw new IllegalArgumentException("blank model for " + name);
            }
        });
        baseUrls.forEach((name, url) -> {
            Setting<URI> s = BASE_URLS.get(name);
            if (s == null) {
                throw new IllegalArgumentException("provider " + name + " has no base URL");
            }
            SETTINGS.require(Map.of(s, url));
        });
    }

    /**
     * The configuration from configured values: the selected provider, its model when one is set, the
     * base URLs, the timeout and the retries.
     */
    public static AdvisorConfig from(SettingsView settings) {
        String provider = settings.get(PROVIDER);
        Map<String, URI> urls = new LinkedHashMap<>();
        BASE_URLS.forEach((name, s) -> urls.put(name, settings.get(s)));
        String model = settings.get(MODEL);
        Map<String, String> models = provider.equals("offline") || model.isEmpty() ? Map.of() : Map.of(provider, model);
        return new AdvisorConfig(provider, models, urls, Duration.ofSeconds(settings.get(TIMEOUT_SECONDS)),
                settings.get(MAX_RETRIES));
    }

    private static Map<String, Setting<URI>> baseUrlSettings() {
        Map<String, String> what = Map.of("claude", "Anthropic API base; the client adds /v1/messages",
                "openai", "OpenAI API base; the client adds /chat/completions",
                "openrouter", "OpenRouter API base; the client adds /chat/completions",
                "google", "Gemini API base; the client adds /v1beta/models/…");
        Map<String, Setting<URI>> out = new LinkedHashMap<>();
        for (String p : List.of("claude", "openai", "openrouter", "google")) {
            out.put(p, Setting.url("ai_provider.base_urls." + p, DEFAULT_BASE_URLS.get(p), what.get(p))
                    .withAliases("BROKERBRIDGE_" + p.toUpperCase(Locale.ROOT) + "_BASE_URL"));
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(List.of(PROVIDER, MODEL, TIMEOUT_SECONDS, MAX_RETRIES));
        all.addAll(BASE_URLS.values());
        return all;
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
