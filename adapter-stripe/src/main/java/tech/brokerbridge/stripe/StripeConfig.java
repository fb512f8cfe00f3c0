package tech.brokerbridge.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * How the Stripe license service reaches Stripe. It owns the setting {@link #API_BASE}
 * ({@link #SETTINGS}) and builds itself from configured values with {@link #from}. Every value is
 * checked here; a bad value throws an {@link IllegalArgumentException} naming its setting.
 *
 * @param apiBase where Stripe's API is, without {@code /v1} ({@link #API_BASE}, for tests and
 *     proxies). Plain {@code http} is accepted (local fakes); a trailing {@code /} is dropped
 * @param connectTimeout the longest wait to open a connection (default 5 s), 1 ms to 60 s
 * @param readTimeout the longest wait for an answer once connected (default 10 s), 1 ms to 120 s
 * @param maxNetworkRetries how many times a failed request is sent again (default 2), 0 to 2; only
 *     connection failures, timeouts, 409 and 5xx are retried, after 0.5 s then 1 s (with jitter)
 * @param bindReadBack after a bind writes the installation into the subscription, how long to wait before
 *     reading the subscription back (default 2 s, 0 to 30 s; 0 trusts the echo of the write). Stripe's
 *     metadata is last-writer-wins: the read-back shows whose write stood when two installations bind at once
 */
public record StripeConfig(URI apiBase, Duration connectTimeout, Duration readTimeout, int maxNetworkRetries,
        Duration bindReadBack) {
    /** Stripe's own API base. */
    public static final URI STRIPE_API = URI.create("https://api.stripe.com");
    /** The default wait before a bind reads the subscription back. */
    public static final Duration DEFAULT_BIND_READ_BACK = Duration.ofSeconds(2);
    public static final Setting<URI> API_BASE = Setting.url("stripe.api_base", STRIPE_API,
            "Stripe API base (for proxies and tests)");
    /** The adapter's settings. */
    public static final SettingGroup SETTINGS = SettingGroup.of("StripeConfig", List.of(API_BASE));

    public StripeConfig {
        List<String> problems = new ArrayList<>();
        apiBase = checkBase(apiBase, problems);
        checkDuration("stripe connect timeout", connectTimeout, Duration.ofSeconds(60), problems);
        checkDuration("stripe read timeout", readTimeout, Duration.ofSeconds(120), problems);
        if (maxNetworkRetries < 0 || maxNetworkRetries > 2) {
            problems.add("stripe max network retries must be between 0 and 2, got " + maxNetworkRetries);
        }
        if (bindReadBack == null || bindReadBack.isNegative() || bindReadBack.compareTo(Duration.ofSeconds(30)) > 0) {
            problems.add("stripe bind read-back must be between 0 and 30 s, got " + bindReadBack);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The same with the default bind read-back (2 s). */
    public StripeConfig(URI apiBase, Duration connectTimeout, Duration readTimeout, int maxNetworkRetries) {
        this(apiBase, connectTimeout, readTimeout, maxNetworkRetries, DEFAULT_BIND_READ_BACK);
    }

    /** Stripe's API, connect 5 s, read 10 s, at most 2 retries, read-back after a bind 2 s later. */
    public static StripeConfig defaults() {
        return new StripeConfig(STRIPE_API, Duration.ofSeconds(5), Duration.ofSeconds(10), 2);
    }

    /** The configuration from configured values; the timeouts and retries take their defaults. */
    public static StripeConfig from(SettingsView settings) {
        return defaults().withApiBase(settings.get(API_BASE));
    }

    /** The same settings with another API base. */
    public StripeConfig withApiBase(URI base) {
        return new StripeConfig(base, connectTimeout, readTimeout, maxNetworkRetries, bindReadBack);
    }

    /** The same settings with another wait before a bind's read-back. */
    public StripeConfig withBindReadBack(Duration readBack) {
        return new StripeConfig(apiBase, connectTimeout, readTimeout, maxNetworkRetries, readBack);
    }

    private static URI checkBase(URI base, List<String> problems) {
        if (base == null) {
            problems.add(API_BASE.key() + " is missing");
            return null;
        }
        List<SettingProblem> bad = SETTINGS.problems(Map.of(API_BASE, base));
        if (!bad.isEmpty()) {
            bad.forEach(p -> problems.add(p.message()));
            return base;
        }
        String s = base.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    private static void checkDuration(String name, Duration d, Duration max, List<String> problems) {
        if (d == null || d.toMillis() < 1 || d.compareTo(max) > 0) {
            problems.add(name + " must be between 1 ms and " + max.toSeconds() + " s, got " + d);
        }
    }

    @Override
    public String toString() {
        return "StripeConfig[apiBase=" + apiBase + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", maxNetworkRetries=" + maxNetworkRetries + ", bindReadBack=" + bindReadBack + "]";
    }
}
