package tech.brokerbridge.http;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import tech.brokerbridge.http.internal.NettyLocalHttpServer;
import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.desk.TradingDesk;

/**
 * Makes the local HTTP API server: Netty (NIO transport) with the security middleware in front of
 * the JSON API over a {@link TradingDesk}.
 *
 * <p>Pipeline, per connection: codec, keep-alive, request id, body aggregator (bounded, 413),
 * idle timeout, local-only guard (loopback peer, {@code Host}, {@code Origin}), security headers,
 * rate limiter, admin auth, license gate, router (blocking routes on a bounded pool), one exception
 * handler. Every answer carries {@code X-Request-Id} and the security headers; errors are
 * {@code {"error":{"code","message","request_id"}}} and never show a stack trace.
 */
public final class HttpServerFactory {
    private HttpServerFactory() {
    }

    /**
     * Creates a server; nothing is bound until {@link LocalHttpServer#start()}.
     *
     * @param config the server configuration
     * @param desk the driving port every route calls; must be thread-safe
     * @param clock time source of the rate limiter, the uptime and default dates
     * @param effectiveConfig the launcher's effective configuration, already masked, shown by
     *     {@code GET /api/admin/diagnostics}; values under keys containing token, key, secret or
     *     password are masked again here. Called on each diagnostics request; must not block.
     */
    public static LocalHttpServer create(HttpServerConfig config, TradingDesk desk, Clock clock,
            Supplier<Map<String, Object>> effectiveConfig) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(effectiveConfig, "effectiveConfig");
        return new NettyLocalHttpServer(config, desk, Optional.empty(), Optional.empty(), clock, effectiveConfig);
    }

    /**
     * Creates a server that also serves the setup wizard's API over {@code setup}:
     * {@code GET /api/setup/status}, {@code GET|POST /api/setup/config}, {@code POST /api/credentials/test},
     * {@code POST /api/credentials/save}, {@code GET /api/credentials/status},
     * {@code DELETE /api/credentials/{provider}} and {@code POST /api/credentials/ibkr/test}. Those routes
     * run on the blocking pool (vault, configuration file, provider calls). A credential sent to them is
     * never echoed: not in an answer, an error message or a log line (a malformed body is refused
     * without quoting it).
     *
     * @param setup the setup use cases; must be thread-safe
     */
    public static LocalHttpServer create(HttpServerConfig config, TradingDesk desk, SetupDesk setup, Clock clock,
            Supplier<Map<String, Object>> effectiveConfig) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(effectiveConfig, "effectiveConfig");
        return new NettyLocalHttpServer(config, desk, Optional.of(setup), Optional.empty(), clock, effectiveConfig);
    }

    /**
     * Creates the full server: the desk's API, the setup wizard's API over {@code setup}, and the license
     * routes over {@code license}: {@code POST /api/license/activate} {@code {"license_key","stripe_key"}}
     * (200 with the new license state; 422 when the keys or the subscription are refused, 503 when the
     * license provider cannot be reached; the keys are never echoed) and
     * {@code POST /api/admin/license/refresh} (admin token). Both block at most the provider's timeouts, on
     * the blocking pool; every other request keeps reading the license state from memory.
     *
     * @param license license activation and refresh; must be thread-safe
     */
    public static LocalHttpServer create(HttpServerConfig config, TradingDesk desk, SetupDesk setup,
            LicenseDesk license, Clock clock, Supplier<Map<String, Object>> effectiveConfig) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(effectiveConfig, "effectiveConfig");
        return new NettyLocalHttpServer(config, desk, Optional.of(setup), Optional.of(license), clock,
                effectiveConfig);
    }
}
