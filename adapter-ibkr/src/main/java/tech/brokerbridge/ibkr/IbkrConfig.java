package tech.brokerbridge.ibkr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.config.InvalidSettingsException;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingRule;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * Settings of the Interactive Brokers adapter. It owns the settings {@link #HOST}, {@link #PORT},
 * {@link #CLIENT_ID}, {@link #ALLOW_REMOTE_HOST}, {@link #REQUEST_TIMEOUT_SECONDS} and {@link #ACCOUNT} ({@link #SETTINGS},
 * with the rule that the host is a loopback address unless remote hosts are allowed) and builds
 * itself from configured values with {@link #from}.
 *
 * @param host gateway host; must be a loopback address unless {@code allowRemoteHost}
 * @param port gateway API port
 * @param clientId API client id, unique among the clients of one gateway
 * @param allowRemoteHost permits a non-loopback host (the API socket is unencrypted)
 * @param requestTimeout upper bound of every call to the gateway (default 10 s); positive
 * @param connectTimeout upper bound of connect + handshake (default 5 s); positive
 * @param account the account to trade ({@link #ACCOUNT}), or "" when the login manages exactly one;
 *     with several and none named, or one named that the login does not manage, nothing is sent (see
 *     the adapter's account rules: IB paper accounts start with D)
 * @param exchange routing exchange for stocks (default SMART)
 * @param currency contract currency (default USD)
 * @throws InvalidSettingsException on a value outside its setting's range, a non-loopback host
 *     without {@code allowRemoteHost}, or a non-positive timeout, naming every problem
 */
public record IbkrConfig(String host, int port, int clientId, boolean allowRemoteHost, Duration requestTimeout,
        Duration connectTimeout, String account, String exchange, String currency) {
    /** A host name, an IPv4 address, or an IPv6 address with or without brackets. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static final Setting<String> HOST = Setting.text("ibkr.host", HOST_NAME, "a host name or address",
            "127.0.0.1", "IB Gateway / TWS host; must be loopback unless ibkr.allow_remote_host");
    public static final Setting<Integer> PORT = Setting.integer("ibkr.port", 1, 65535, 4002,
            "IB API socket port: Gateway 4002 paper / 4001 live, TWS 7497 paper / 7496 live");
    public static final Setting<Integer> CLIENT_ID = Setting.integer("ibkr.client_id", 0, Integer.MAX_VALUE, 1,
            "API client id, unique on that gateway and the same across restarts");
    public static final Setting<Boolean> ALLOW_REMOTE_HOST = Setting.bool("ibkr.allow_remote_host", false,
            "allow a non-loopback ibkr.host (the API socket is unencrypted: prefer an SSH tunnel)");
    public static final Setting<Integer> REQUEST_TIMEOUT_SECONDS = Setting.integer("ibkr.request_timeout_seconds", 1,
            120, 10, "timeout of one IB request");
    /** The account to trade; empty: the login's only account (several and none named: nothing is sent). */
    public static final Setting<String> ACCOUNT = Setting.text("ibkr.account",
            Pattern.compile("|[A-Z]{1,3}[0-9]{3,12}"), "an IB account id, e.g. DU1234567", "",
            "the IB account to trade; needed when the login manages several (paper account ids start with D)");
    /** The adapter's settings and the loopback rule. */
    public static final SettingGroup SETTINGS = SettingGroup.of("IbkrConfig",
            List.of(HOST, PORT, CLIENT_ID, ALLOW_REMOTE_HOST, REQUEST_TIMEOUT_SECONDS, ACCOUNT),
            new SettingRule(List.of(HOST, ALLOW_REMOTE_HOST), v -> loopbackProblem(v.get(HOST), v.get(ALLOW_REMOTE_HOST))));

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public IbkrConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        account = Objects.requireNonNullElse(account, "").trim();
        exchange = Objects.requireNonNullElse(exchange, "SMART").trim();
        currency = Objects.requireNonNullElse(currency, "USD").trim();
        host = host.trim();
        List<SettingProblem> problems = new ArrayList<>(SETTINGS.problems(Map.of(HOST, host, PORT, port, CLIENT_ID,
                clientId, ALLOW_REMOTE_HOST, allowRemoteHost)));
        if (requestTimeout.isNegative() || requestTimeout.isZero() || connectTimeout.isNegative()
                || connectTimeout.isZero()) {
            problems.add(SettingProblem.of(REQUEST_TIMEOUT_SECONDS.key(), "ibkr timeouts must be positive"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** The adapter's configuration from configured values; the other components take their defaults. */
    public static IbkrConfig from(SettingsView settings) {
        return new IbkrConfig(settings.get(HOST), settings.get(PORT), settings.get(CLIENT_ID),
                settings.get(ALLOW_REMOTE_HOST), Duration.ofSeconds(settings.get(REQUEST_TIMEOUT_SECONDS)),
                CONNECT_TIMEOUT, settings.get(ACCOUNT), "SMART", "USD");
    }

    /** 127.0.0.1:4002 (IB Gateway, paper), client id 1, 10 s requests, 5 s connect, SMART, USD. */
    public static IbkrConfig defaults() {
        return from(SettingsView.defaults());
    }

    private static Optional<String> loopbackProblem(String host, boolean allowRemoteHost) {
        if (allowRemoteHost || isLoopback(host.trim())) {
            return Optional.empty();
        }
        return Optional.of("ibkr.host must be a loopback address (127.0.0.1, ::1 or localhost), got '" + host.trim()
                + "': the TWS API socket is unencrypted and unauthenticated. Set ibkr.allow_remote_host=true"
                + " (BROKERBRIDGE_IBKR_ALLOW_REMOTE_HOST) to connect to a remote gateway anyway.");
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
