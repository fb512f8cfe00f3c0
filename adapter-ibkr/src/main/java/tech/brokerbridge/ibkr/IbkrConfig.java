package tech.brokerbridge.ibkr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the Interactive Brokers adapter.
 *
 * <p>Config keys (launcher) and environment names: {@code ibkr.host} / {@code BROKERBRIDGE_IBKR_HOST}
 * (default {@code 127.0.0.1}), {@code ibkr.port} / {@code BROKERBRIDGE_IBKR_PORT} (4002: IB Gateway
 * paper; 4001 Gateway live, 7497 TWS paper, 7496 TWS live), {@code ibkr.client_id} /
 * {@code BROKERBRIDGE_IBKR_CLIENT_ID} (1), {@code ibkr.allow_remote_host} /
 * {@code BROKERBRIDGE_IBKR_ALLOW_REMOTE_HOST} (false).
 *
 * @param host gateway host; must be a loopback address unless {@code allowRemoteHost}
 * @param port gateway API port
 * @param clientId API client id, unique among the clients of one gateway (0..2^31-1)
 * @param allowRemoteHost permits a non-loopback host (the API socket is unencrypted)
 * @param requestTimeout upper bound of every call to the gateway (default 10 s)
 * @param connectTimeout upper bound of connect + handshake (default 5 s)
 * @param account the account to trade ({@code ibkr.account}), or "" when the login manages exactly one;
 *     with several and none named, or one named that the login does not manage, nothing is sent (see
 *     the adapter's account rules: IB paper accounts start with D)
 * @param exchange routing exchange for stocks (default SMART)
 * @param currency contract currency (default USD)
 * @throws IllegalArgumentException on a non-loopback host without {@code allowRemoteHost}, a port
 *     outside 1..65535, a negative client id or a non-positive timeout
 */
public record IbkrConfig(String host, int port, int clientId, boolean allowRemoteHost, Duration requestTimeout,
        Duration connectTimeout, String account, String exchange, String currency) {
    public IbkrConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        account = Objects.requireNonNullElse(account, "").trim();
        exchange = Objects.requireNonNullElse(exchange, "SMART").trim();
        currency = Objects.requireNonNullElse(currency, "USD").trim();
        host = host.trim();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ibkr.port must be 1..65535, got " + port);
        }
        if (clientId < 0) {
            throw new IllegalArgumentException("ibkr.client_id must not be negative, got " + clientId);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || connectTimeout.isNegative()
                || connectTimeout.isZero()) {
            throw new IllegalArgumentException("ibkr timeouts must be positive");
        }
        if (!allowRemoteHost && !isLoopback(host)) {
            throw new IllegalArgumentException("ibkr.host must be a loopback address (127.0.0.1, ::1 or localhost),"
                    + " got '" + host + "': the TWS API socket is unencrypted and unauthenticated. Set"
                    + " ibkr.allow_remote_host=true (BROKERBRIDGE_IBKR_ALLOW_REMOTE_HOST) to connect to a remote"
                    + " gateway anyway.");
        }
    }

    /** 127.0.0.1:4002 (IB Gateway, paper), client id 1, 10 s requests, 5 s connect, SMART, USD. */
    public static IbkrConfig defaults() {
        return new IbkrConfig("127.0.0.1", 4002, 1, false, Duration.ofSeconds(10), Duration.ofSeconds(5), "",
                "SMART", "USD");
    }

    public IbkrConfig withHost(String h, boolean allowRemote) {
        return new IbkrConfig(h, port, clientId, allowRemote, requestTimeout, connectTimeout, account, exchange,
                currency);
    }

    public IbkrConfig withPort(int p) {
        return new IbkrConfig(host, p, clientId, allowRemoteHost, requestTimeout, connectTimeout, account, exchange,
                currency);
    }

    public IbkrConfig withClientId(int id) {
        return new IbkrConfig(host, port, id, allowRemoteHost, requestTimeout, connectTimeout, account, exchange,
                currency);
    }

    public IbkrConfig withRequestTimeout(Duration t) {
        return new IbkrConfig(host, port, clientId, allowRemoteHost, t, connectTimeout, account, exchange, currency);
    }

    public IbkrConfig withAccount(String a) {
        return new IbkrConfig(host, port, clientId, allowRemoteHost, requestTimeout, connectTimeout, a, exchange,
                currency);
    }

    /** Literal loopback addresses and "localhost"; other names are not resolved (no DNS lookup here). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean literal = h.matches("[0-9.]+") || (h.contains(":") && h.matches("[0-9a-f:.]+"));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
