package tech.brokerbridge.ibkr.fake;

import java.io.IOException;
import tech.brokerbridge.ibkr.internal.msg.Inbound.ErrorMessage;
import tech.brokerbridge.ibkr.internal.msg.Inbound.MarketDataType;
import tech.brokerbridge.ibkr.internal.msg.Inbound.TickPrice;
import tech.brokerbridge.ibkr.internal.msg.Inbound.TickReqParams;
import tech.brokerbridge.ibkr.internal.msg.Inbound.TickSnapshotEnd;
import tech.brokerbridge.ibkr.internal.msg.Outbound.ReqMktData;

/**
 * The fake gateway's market data: a snapshot request answers with the market data type it delivers,
 * the request's minimum tick, the last price and the close (live tick types 4 and 9, delayed 68 and
 * 75) and the snapshot end; or with IB's permission errors, by the symbol's {@link FakeGateway.Permission}
 * and the session's market data type: live refused with 354 or 10089, delayed shown with the 10167
 * notice, delayed not enabled with 10168, an unknown contract with 200.
 */
final class FakeMarketData {
    private FakeMarketData() {
    }

    static void answer(FakeGateway gw, FakeSession s, ReqMktData r, int requestedType) throws IOException {
        String symbol = r.contract().symbol();
        int id = r.tickerId();
        if (!gw.contracts.containsKey(symbol)) {
            s.send(new ErrorMessage(id, 200, "No security definition has been found for the request", ""));
            return;
        }
        FakeGateway.Permission p = gw.permissions.getOrDefault(symbol, FakeGateway.Permission.LIVE);
        boolean wantsLive = requestedType < 3;
        if (p == FakeGateway.Permission.NONE) {
            s.send(wantsLive ? new ErrorMessage(id, 354, "Requested market data is not subscribed.", "")
                    : new ErrorMessage(id, 10168, "Requested market data is not subscribed. Delayed market data is"
                            + " not enabled.", ""));
            return;
        }
        if (p == FakeGateway.Permission.DELAYED_ONLY && wantsLive) {
            s.send(gw.liveRefusal == 354 ? new ErrorMessage(id, 354, "Requested market data is not subscribed.", "")
                    : new ErrorMessage(id, 10089, "Requested market data requires additional subscription for API."
                            + " See link in 'Market Data Connections' dialog for more details.Delayed market data is"
                            + " available.", ""));
            return;
        }
        boolean delayed = p == FakeGateway.Permission.DELAYED_ONLY;
        double price = gw.quotePrice(symbol);
        if (delayed) {
            s.send(new ErrorMessage(id, 10167, "Requested market data is not subscribed. Displaying delayed market"
                    + " data.", ""));
        }
        s.send(new MarketDataType(id, delayed ? requestedType : 1));
        s.send(new TickReqParams(id, gw.minTicks.getOrDefault(symbol, 0.01), "9c0001", 3));
        s.send(new TickPrice(id, delayed ? 68 : 4, price, 100, 0));
        s.send(new TickPrice(id, delayed ? 75 : 9, price, 0, 0));
        s.send(new TickSnapshotEnd(id));
    }
}
