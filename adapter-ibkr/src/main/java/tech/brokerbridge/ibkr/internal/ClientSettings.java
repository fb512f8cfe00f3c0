package tech.brokerbridge.ibkr.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import tech.brokerbridge.ibkr.internal.conn.Sleeper;
import tech.brokerbridge.ibkr.internal.conn.Ticker;
import tech.brokerbridge.ports.Require;

/**
 * Everything the client needs, copied from the public config plus the injectable time sources
 * (tests replace the sleeper, ticker and random to drive backoff and pacing without waiting).
 */
public record ClientSettings(String host, int port, int clientId, Duration requestTimeout, Duration connectTimeout,
        String account, String exchange, String currency, Duration initialBackoff, Duration maxBackoff,
        Duration heartbeat, Clock clock, Sleeper sleeper, Ticker ticker, DoubleSupplier random) {
    public ClientSettings {
        Require.nonNull("host", host, "requestTimeout", requestTimeout, "connectTimeout", connectTimeout,
                "account", account, "exchange", exchange, "currency", currency, "clock", clock, "sleeper", sleeper,
                "ticker", ticker, "random", random);
    }

    public ClientSettings withTiming(Sleeper s, Ticker t, DoubleSupplier r) {
        return new ClientSettings(host, port, clientId, requestTimeout, connectTimeout, account, exchange, currency,
                initialBackoff, maxBackoff, heartbeat, clock, s, t, r);
    }

    public ClientSettings withHeartbeat(Duration h) {
        return new ClientSettings(host, port, clientId, requestTimeout, connectTimeout, account, exchange, currency,
                initialBackoff, maxBackoff, h, clock, sleeper, ticker, random);
    }
}
