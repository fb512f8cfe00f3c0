package tech.brokerbridge.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tech.brokerbridge.ports.Secret;

/**
 * Configuration of the local HTTP API server.
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

    public HttpServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
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
        return new HttpServerConfig(8080, 100, Duration.ofSeconds(60), Set.of(), Optional.empty(),
                DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(60), 4, version);
    }

    private static String checkedHost(String host) {
        Objects.requireNonNull(host, "allowedHosts element");
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.isEmpty() || !h.matches("[a-z0-9.\\-_]+|\\[[0-9a-f:.]+\\]")) {
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
