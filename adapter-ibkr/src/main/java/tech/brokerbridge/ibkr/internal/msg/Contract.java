package tech.brokerbridge.ibkr.internal.msg;

import java.util.Objects;

/**
 * The contract fields the TWS messages carry. Text fields are never null ("" when unset).
 * Which of them a message carries differs by message; see each codec.
 */
public record Contract(int conId, String symbol, String secType, String lastTradeDate, double strike,
        String right, String multiplier, String exchange, String primaryExch, String currency,
        String localSymbol, String tradingClass) {
    public Contract {
        symbol = Objects.requireNonNullElse(symbol, "");
        secType = Objects.requireNonNullElse(secType, "");
        lastTradeDate = Objects.requireNonNullElse(lastTradeDate, "");
        right = Objects.requireNonNullElse(right, "");
        multiplier = Objects.requireNonNullElse(multiplier, "");
        exchange = Objects.requireNonNullElse(exchange, "");
        primaryExch = Objects.requireNonNullElse(primaryExch, "");
        currency = Objects.requireNonNullElse(currency, "");
        localSymbol = Objects.requireNonNullElse(localSymbol, "");
        tradingClass = Objects.requireNonNullElse(tradingClass, "");
    }

    /** A stock routed through {@code exchange} (usually SMART) in {@code currency}. */
    public static Contract stock(String symbol, String exchange, String currency) {
        return new Contract(0, symbol, "STK", "", 0.0, "", "", exchange, "", currency, "", "");
    }

    public Contract withConId(int id) {
        return new Contract(id, symbol, secType, lastTradeDate, strike, right, multiplier, exchange,
                primaryExch, currency, localSymbol, tradingClass);
    }

    public Contract withExchange(String ex) {
        return new Contract(conId, symbol, secType, lastTradeDate, strike, right, multiplier, ex,
                primaryExch, currency, localSymbol, tradingClass);
    }

    public Contract withPrimaryExch(String ex) {
        return new Contract(conId, symbol, secType, lastTradeDate, strike, right, multiplier, exchange,
                ex, currency, localSymbol, tradingClass);
    }
}
