package tech.brokerbridge.http;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.config.Rate;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * Configuration of the local HTTP API server. It owns the settings {@link #PORT}, {@link #RATE_LIMIT},
 * {@link #ALLOWED_HOSTS}, {@link #ADMIN_TOKEN}, {@link #MAX_CONNECTIONS}, {@link #MAX_CONNECTIONS_PER_CLIENT}
 * and {@link #BODY_TIMEOUT_SECONDS} ({@link #SETTINGS}) and builds itself from configured values with
 * {@link #from}.
 *
 * <p>Immutable and thread-safe. The constructor validates every value and throws
 * {@link IllegalArgumentException} naming the component when one is out of range.
 *
 * @param port TCP port to bind on the loopback addresses; {@code 0} picks a free ephemeral port
 *     (read it back with {@link LocalHttpServer#port()})
 * @param rateLimitRequests at most this many requests per client IP in any {@code rateLimitWindow}
 *     (sliding log, exact); the next one gets 429 with {@code Retry-After}
 * @param rateLimitWindow the rate-limit window, at least one millisecond
 * @param allowedHosts extra {@code Host} names (lower-cased, without port) that the local-only guard
 *     accepts besides {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; empty by default
 * @param adminToken the bearer token of {@code /api/admin/*}; empty (or an empty secret) disables
 *     the admin API (every admin route answers 403), it is never open
 * @param maxBodyBytes largest accepted request body; larger gets 413
 * @param idleTimeout a connection with no request in flight and no traffic for this long is closed
 * @param blockingThreads threads that run the routes that may block (journal, broker); their queue is
 *     bounded, a full queue answers 503
 * @param version the product version shown by {@code /api/health} and the diagnostics
 * @param maxConnections open connections at most; one more is closed at once (not queued)
 * @param maxConnectionsPerClient open connections at most from one client address (each loopback address
 *     counts on its own here); one more from that address is closed at once
 * @param bodyTimeout once a request's headers have arrived, its whole body must arrive within this, else
 *     the request gets 408 and the connection is closed
 */
public record HttpServerConfig(int port, int rateLimitRequests, Duration rateLimitWindow, Set<String> allowedHosts,
        Optional<Secret> adminToken, int maxBodyBytes, Duration idleTimeout, int blockingThreads, String version,
        int maxConnections, int maxConnectionsPerClient, Duration bodyTimeout) {

    /** 1 MiB: the default and recommended body limit. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Open connections at most, by default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 512;
    /** Open connections from one address at most, by default (a browser opens about 6, wrk 64). */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 128;
    /** Time to receive a declared body, by default. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9._-]{1,253}|\\[[0-9a-f:.]+\\]",
            Pattern.CASE_INSENSITIVE);

    public static final Setting<Integer> PORT = Setting.integer("port", 0, 65535, 8080,
            "TCP port on 127.0.0.1 (and ::1); 0 picks a free port");
    public static final Setting<Rate> RATE_LIMIT = Setting.rate("rate_limit", 1_000_000_000, Duration.ofHours(24),
            new Rate(100, Duration.ofSeconds(60)),
            "requests allowed per client per window (every loopback address is one client)");
    public static final Setting<String> ADMIN_TOKEN = Setting.secret("admin_token", Pattern.compile(".{16,}"),
            "at least 16 characters",
            "bearer token for /api/admin/*; unset or empty keeps the admin API closed. Environment only");
    public static final Setting<List<String>> ALLOWED_HOSTS = Setting.list("allowed_hosts", HOST_NAME, "a host name",
            0, 64, List.of(), "extra Host header names you trust besides localhost, 127.0.0.1 and [::1]");
    public static final Setting<Integer> MAX_CONNECTIONS = Setting.integer("max_connections", 1, 65535,
            DEFAULT_MAX_CONNECTIONS, "open HTTP connections at most; one more is closed at once");
    public static final Setting<Integer> MAX_CONNECTIONS_PER_CLIENT = Setting.integer("max_connections_per_client", 1,
            65535, DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
            "open HTTP connections at most from one local address (at most max_connections)");
    public static final Setting<Integer> BODY_TIMEOUT_SECONDS = Setting.integer("body_timeout_seconds", 1, 600,
            (int) DEFAULT_BODY_TIMEOUT.toSeconds(), "a request body must arrive within this once its headers have, else 408");
    /** The server's settings. */
    public static final SettingGroup SETTINGS = SettingGroup.of("HttpServerConfig",
            List.of(PORT, RATE_LIMIT, ADMIN_TOKEN, ALLOWED_HOSTS, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_CLIENT,
                    BODY_TIMEOUT_SECONDS));

    public HttpServerConfig {
        SETTINGS.require(Map.of(PORT, port));
        if (rateLimitRequests < 1) {
            throw new IllegalArgumentException("rateLimitRequests must be at least 1, was " + rateLimitRequests);
        }
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        if (rateLimitWindow.toMillis() < 1) {
            throw new IllegalArgumentException("rateLimitWindow must be at least 1 ms, was " + rateLimitWindow);
        }
        Objects.requireNonNull(allowedHosts, "allowedHosts");
        allowedHosts = allowedHosts.stream().map(h -> checkedHost(h)).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(adminToken, "adminToken");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleTimeout must be at least 1 ms, was " + idleTimeout);
        }
        if (blockingThreads < 1 || blockingThreads > 256) {
            throw new IllegalArgumentException("blockingThreads must be between 1 and 256, was " + blockingThreads);
        }
        Objects.requireNonNull(version, "version");
        if (maxConnections < 1 || maxConnections > 1_000_000) {
            throw new IllegalArgumentException("maxConnections must be between 1 and 1000000, was " + maxConnections);
        }
        if (maxConnectionsPerClient < 1 || maxConnectionsPerClient > maxConnections) {
            throw new IllegalArgumentException("maxConnectionsPerClient must be between 1 and maxConnections ("
                    + maxConnections + "), was " + maxConnectionsPerClient);
        }
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (bodyTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("bodyTimeout must be at least 1 ms, was " + bodyTimeout);
        }
    }

    /** The same with the default connection caps and body timeout. */
    public HttpServerConfig(int port, int rateLimitRequests, Duration rateLimitWindow, Set<String> allowedHosts,
            Optional<Secret> adminToken, int maxBodyBytes, Duration idleTimeout, int blockingThreads, String version) {
        this(port, rateLimitRequests, rateLimitWindow, allowedHosts, adminToken, maxBodyBytes, idleTimeout,
                blockingThreads, version, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
                DEFAULT_BODY_TIMEOUT);
    }

    /** This configuration with other connection caps and body timeout. */
    public HttpServerConfig withConnectionLimits(int maxConnections, int maxConnectionsPerClient, Duration bodyTimeout) {
        return new HttpServerConfig(port, rateLimitRequests, rateLimitWindow, allowedHosts, adminToken, maxBodyBytes,
                idleTimeout, blockingThreads, version, maxConnections, maxConnectionsPerClient, bodyTimeout);
    }

    /**
     * Port 8080, 100 requests per 60 s, no extra hosts, admin API disabled, 1 MiB bodies, 60 s idle
     * timeout, 4 blocking threads, 512 connections (128 per address), 10 s to receive a body.
     */
    public static HttpServerConfig defaults(String version) {
        return from(version, SettingsView.defaults());
    }

    /**
     * The configuration from configured values: port, rate limit, allowed hosts, admin token (an empty
     * token counts as none), connection caps (the one per client at most the total) and body timeout;
     * 1 MiB bodies, 60 s idle timeout, 4 blocking threads.
     */
    public static HttpServerConfig from(String version, SettingsView settings) {
        Rate rate = settings.get(RATE_LIMIT);
        int maxConnections = settings.get(MAX_CONNECTIONS);
        return new HttpServerConfig(settings.get(PORT), rate.requests(), rate.window(),
                new LinkedHashSet<>(settings.get(ALLOWED_HOSTS)), settings.find(ADMIN_TOKEN).map(Secret::of),
                DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(60), 4, version, maxConnections,
                Math.min(settings.get(MAX_CONNECTIONS_PER_CLIENT), maxConnections),
                Duration.ofSeconds(settings.get(BODY_TIMEOUT_SECONDS)));
    }

    private static String checkedHost(String host) {
        Objects.requireNonNull(host, "allowedHosts element");
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (!HOST_NAME.matcher(h).matches()) {
            throw new IllegalArgumentException("allowedHosts: not a host name: '" + host + "'");
        }
        return h;
    }

    @Override
    public String toString() {
        return "HttpServerConfig[port=" + port + ", rateLimit=" + rateLimitRequests + "/" + rateLimitWindow
                + ", allowedHosts=" + allowedHosts + ", adminToken=" + (adminToken.isPresent() ? "****" : "none")
                + ", maxBodyBytes=" + maxBodyBytes + ", idleTimeout=" + idleTimeout + ", blockingThreads="
                + blockingThreads + ", version=" + version + ", maxConnections=" + maxConnections
                + ", maxConnectionsPerClient=" + maxConnectionsPerClient + ", bodyTimeout=" + bodyTimeout + "]";
    }
}
