package tech.brokerbridge.ports.market;

import tech.brokerbridge.ports.Require;

/**
 * What the desk must know of a symbol to price an order: its tick and its session now.
 *
 * @param tick the smallest price step an order may use (IB's {@code minTick}; 0.01 for US stocks)
 * @param session whether the regular session is open now
 */
public record Instrument(String symbol, double tick, MarketSession session) {
    public Instrument {
        Require.nonNull("symbol", symbol, "session", session);
        if (!(tick > 0) || !Double.isFinite(tick)) {
            throw new IllegalArgumentException("a tick must be finite and positive, got " + tick);
        }
    }
}
