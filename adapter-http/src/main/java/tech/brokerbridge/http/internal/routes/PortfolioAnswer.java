package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.List;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.desk.Portfolio;

/** {@code GET /api/portfolio}: amounts to the cent, prices to the tick. */
record PortfolioAnswer(String broker, Account account, List<PositionAnswer> positions) {

    record Account(String currency, @Rounded.Money double netLiquidation, @Rounded.Money double cash,
            @Rounded.Money double buyingPower, @Rounded.Money double availableFunds,
            @Rounded.Money double unrealizedPnl, @Rounded.Money double realizedPnlToday,
            @Rounded.Money double dailyPnl, Instant asOf) {
    }

    record PositionAnswer(String symbol, long quantity, @Rounded.Price double averageCost,
            @Rounded.Price double marketPrice, @Rounded.Money double marketValue, @Rounded.Money double unrealizedPnl,
            @Rounded.Money double realizedPnl) {
    }

    static PortfolioAnswer of(Portfolio p) {
        AccountSnapshot a = p.account();
        Account account = new Account(a.currency(), a.netLiquidation(), a.cash(), a.buyingPower(), a.availableFunds(),
                a.unrealizedPnl(), a.realizedPnlToday(), a.dailyPnl(), a.asOf());
        List<PositionAnswer> positions = p.positions().stream().map(x -> new PositionAnswer(x.symbol(), x.quantity(),
                x.averageCost(), x.marketPrice(), x.marketValue(), x.unrealizedPnl(), x.realizedPnl())).toList();
        return new PortfolioAnswer(p.broker(), account, positions);
    }
}
