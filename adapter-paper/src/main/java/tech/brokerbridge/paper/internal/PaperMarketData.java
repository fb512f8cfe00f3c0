package tech.brokerbridge.paper.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;

/**
 * The {@link MarketData} port over the {@link PriceModel}: daily bars of the trading days from
 * {@code today - lookback} up to the last completed day before today (UTC, simulated now).
 * Computed, never blocks on I/O.
 */
public final class PaperMarketData implements MarketData {
    private final PaperExchange exchange;

    public PaperMarketData(PaperExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public List<Bar> bars(BarRequest request) {
        if (!PriceModel.isListed(request.symbol())) {
            throw MarketDataException.unknownSymbol(request.symbol());
        }
        LocalDate today = LocalDate.ofInstant(exchange.now(), ZoneOffset.UTC);
        return exchange.model().dailyBars(request.symbol(), today.minus(request.lookback()), today);
    }
}
