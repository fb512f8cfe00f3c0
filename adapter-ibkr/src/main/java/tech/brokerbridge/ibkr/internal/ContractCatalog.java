package tech.brokerbridge.ibkr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.market.TradingHours;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.market.MarketSession;

/**
 * Contract details (reqContractDetails), asked once per symbol and kept for {@link #KEEP}: the
 * contract id, IB's {@code minTick} (the tick every price sent must be a multiple of) and the regular
 * sessions ({@code liquidHours}). Blocks at most the request timeout; an unknown symbol fails with
 * {@link GatewayException.Reason#UNKNOWN_CONTRACT} (IB 200). Thread-safe.
 */
final class ContractCatalog {
    /** The sessions listed cover about a week; details are asked again after this. */
    static final Duration KEEP = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(ContractCatalog.class);
    private final GatewayLink link;
    private final Requests requests;
    private final ClientSettings cfg;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(Inbound.ContractData details, List<TradingHours.Session> sessions, Instant at) {
    }

    ContractCatalog(GatewayLink link, Requests requests, ClientSettings cfg) {
        this.link = link;
        this.requests = requests;
        this.cfg = cfg;
    }

    /** The symbol's details (the first, for a symbol listed on several exchanges). */
    Inbound.ContractData details(String symbol) {
        return kept(symbol).details();
    }

    /** The symbol's session now: by its liquid hours, or US stock hours when IB's say nothing about now. */
    MarketSession session(String symbol) {
        Instant now = cfg.clock().instant();
        try {
            return TradingHours.at(now, kept(symbol).sessions()).orElseGet(() -> TradingHours.regular(now));
        } catch (GatewayException e) {
            if (e.reason() == GatewayException.Reason.UNKNOWN_CONTRACT) {
                throw e;
            }
            LOG.info("no contract details for {} ({}); assuming US stock hours", symbol, e.getMessage());
            return TradingHours.regular(now);
        }
    }

    /** The contract to send for {@code symbol}: a stock, with its contract id once known. */
    Contract contract(String symbol) {
        return Contract.stock(symbol, cfg.exchange(), cfg.currency()).withConId(details(symbol).conId());
    }

    private Kept kept(String symbol) {
        Kept k = kept.get(symbol);
        Instant now = cfg.clock().instant();
        if (k != null && now.isBefore(k.at().plus(KEEP))) {
            return k;
        }
        Inbound.ContractData d = fetch(symbol);
        Kept fresh = new Kept(d, TradingHours.parse(d.liquidHours(), d.timeZoneId()), now);
        kept.put(symbol, fresh);
        return fresh;
    }

    private Inbound.ContractData fetch(String symbol) {
        link.awaitReady(cfg.requestTimeout());
        int reqId = requests.newId();
        CompletableFuture<Optional<Inbound.ContractData>> f = requests.register(reqId,
                new Requests.Collector<Optional<Inbound.ContractData>>() {
                    private Inbound.ContractData first;

                    @Override
                    protected boolean accept(Inbound m) {
                        if (m instanceof Inbound.ContractData d && first == null) {
                            first = d;
                        } else if (m instanceof Inbound.ContractDataEnd) {
                            complete(Optional.ofNullable(first));
                            return true;
                        }
                        return false;
                    }
                });
        try {
            link.send(new Outbound.ReqContractDetails(reqId, Contract.stock(symbol, cfg.exchange(), cfg.currency())));
            return Requests.await(f, cfg.requestTimeout(), "contract details of " + symbol).orElseThrow(() ->
                    new GatewayException(GatewayException.Reason.UNKNOWN_CONTRACT, "IB lists no stock " + symbol
                            + " on " + cfg.exchange() + " in " + cfg.currency()));
        } finally {
            requests.remove(reqId);
        }
    }
}
