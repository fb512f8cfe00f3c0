package tech.brokerbridge.ibkr.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import tech.brokerbridge.ibkr.internal.conn.Sleeper;
import tech.brokerbridge.ibkr.internal.conn.Ticker;

/**
 * Everything the client needs, copied from the public config plus the injectable time sources
 * (tests replace the sleeper, ticker and random to drive backoff and pacing without waiting).
 */
public record ClientSettings(String host, int port, int clientId, Duration requestTimeout, Duration connectTimeout,
        String account, String exchange, String currency, Duration initialBackoff, Duration maxBackoff,
        Duration heartbeat, Clock clock, Sleeper sleeper, Ticker ticker, DoubleSupplier random) {
    public ClientSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(random, "random");
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
