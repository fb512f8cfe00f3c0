package tech.brokerbridge.ibkr.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tech.brokerbridge.ibkr.internal.account.AccountState;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.market.TradingHours;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;
import tech.brokerbridge.ibkr.internal.order.BracketAck;
import tech.brokerbridge.ibkr.internal.order.BracketPlanner;
import tech.brokerbridge.ibkr.internal.order.EventBus;
import tech.brokerbridge.ibkr.internal.order.OrderTracker;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.market.MarketSession;

/**
 * {@link Broker} over the TWS socket protocol. Every call first waits (at most the request
 * timeout) for a connected and reconciled session, then does its round trip with the same bound;
 * failures are retryable {@link BrokerException}s. Submissions, modifications, closes and stops are
 * serialized, so two orders with one ref can never both be sent ({@link IbkrTradeControl}).
 */
public final class IbkrBroker implements Broker {
    private static final String SUMMARY_TAGS = "NetLiquidation,TotalCashValue,BuyingPower,AvailableFunds";
    private static final OrderLeg[] LEGS = {OrderLeg.ENTRY, OrderLeg.STOP_LOSS, OrderLeg.TAKE_PROFIT};
    private final GatewayLink link;
    private final Requests requests;
    private final OrderTracker tracker;
    private final AccountState accountState;
    private final EventBus events;
    private final ClientSettings settings;
    private final ContractCatalog contracts;
    private final Object submitLock = new Object();
    private final Object positionsLock = new Object();
    private final Object openOrdersLock = new Object();
    private final IbkrTradeControl control;

    /** Built by {@link IbkrClient}, which owns the session and the collaborators passed here. */
    IbkrBroker(GatewayLink link, Requests requests, OrderTracker tracker, AccountState accountState, EventBus events,
            ClientSettings settings, ContractCatalog contracts) {
        this.contracts = contracts;
        this.link = link;
        this.requests = requests;
        this.tracker = tracker;
        this.accountState = accountState;
        this.events = events;
        this.settings = settings;
        this.control = new IbkrTradeControl(link, tracker, settings, submitLock, this::positions);
    }

    @Override
    public String name() {
        return "ibkr";
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return link.status();
    }

    @Override
    public TradingAccount tradingAccount() {
        return link.tradingAccount();
    }

    @Override
    public AccountSnapshot account() {
        try {
            ready();
            int reqId = requests.newId();
            String account = link.selectedAccount();
            CompletableFuture<Map<String, Inbound.AccountSummary>> f = requests.register(reqId,
                    new Requests.Collector<Map<String, Inbound.AccountSummary>>() {
                        private final Map<String, Inbound.AccountSummary> tags = new HashMap<>();

                        @Override
                        protected boolean accept(Inbound m) {
                            if (m instanceof Inbound.AccountSummary s && s.account().equals(account)) {
                                tags.put(s.tag(), s);
                            } else if (m instanceof Inbound.AccountSummaryEnd) {
                                complete(tags);
                                return true;
                            }
                            return false;
                        }
                    });
            link.send(new Outbound.ReqAccountSummary(reqId, "All", SUMMARY_TAGS));
            Map<String, Inbound.AccountSummary> tags;
            try {
                tags = Requests.await(f, timeoutOf(), "account summary");
            } finally {
                requests.remove(reqId);
                trySend(new Outbound.CancelAccountSummary(reqId)); // it is a subscription
            }
            Inbound.AccountSummary nl = tags.get("NetLiquidation");
            String currency = nl == null || nl.currency().isEmpty() ? settings.currency() : nl.currency();
            return new AccountSnapshot(currency, num(tags, "NetLiquidation"), num(tags, "TotalCashValue"),
                    num(tags, "BuyingPower"), num(tags, "AvailableFunds"), accountState.unrealizedPnl(currency),
                    accountState.realizedPnlToday(currency), accountState.dailyPnl(currency),
                    settings.clock().instant());
        } catch (GatewayException e) {
            throw e.toBroker();
        }
    }

    @Override
    public List<Position> positions() {
        try {
            ready();
            List<Inbound.PositionData> rows;
            synchronized (positionsLock) {
                CompletableFuture<List<Inbound.PositionData>> f = requests.register(Requests.POSITIONS_KEY,
                        Requests.listUntil(Inbound.PositionData.class, Inbound.PositionEnd.class));
                link.send(new Outbound.ReqPositions());
                try {
                    rows = Requests.await(f, timeoutOf(), "positions");
                } finally {
                    requests.remove(Requests.POSITIONS_KEY);
                    trySend(new Outbound.CancelPositions());
                }
            }
            String account = link.selectedAccount();
            List<Position> out = new ArrayList<>();
            for (Inbound.PositionData p : rows) {
                if (!p.account().equals(account) || p.position() == 0.0 || p.position() == Double.MAX_VALUE) {
                    continue;
                }
                var h = accountState.holding(p.contract().conId());
                double price = h.map(AccountState.Holding::marketPrice).orElse(p.avgCost());
                out.add(new Position(p.contract().symbol(), Math.round(p.position()), p.avgCost(), price,
                        h.map(AccountState.Holding::unrealizedPnl).orElse(0.0),
                        h.map(AccountState.Holding::realizedPnl).orElse(0.0)));
            }
            return List.copyOf(out);
        } catch (GatewayException e) {
            throw e.toBroker();
        }
    }

    @Override
    public List<OrderView> openOrders() {
        try {
            ready();
            synchronized (openOrdersLock) {
                // the open orders themselves go to the tracker; this request only waits for their end
                CompletableFuture<List<Inbound.OpenOrder>> f = requests.register(Requests.OPEN_ORDERS_KEY,
                        Requests.listUntil(Inbound.OpenOrder.class, Inbound.OpenOrderEnd.class));
                link.send(new Outbound.ReqAllOpenOrders());
                Requests.await(f, timeoutOf(), "open orders");
            }
            return tracker.openOrders();
        } catch (GatewayException e) {
            throw e.toBroker();
        }
    }

    @Override
    public List<OrderView> ordersByRef(String orderRef) {
        try {
            ready();
            return tracker.byRef(orderRef);
        } catch (GatewayException e) {
            throw e.toBroker();
        }
    }

    @Override
    public SubmitResult submitBracket(BracketOrder order) {
        synchronized (submitLock) {
            try {
                ready();
                if (tracker.knows(order.orderRef())) {
                    return new SubmitResult.Rejected(order.orderRef(),
                            "the gateway already holds orders with this orderRef; nothing was sent", true);
                }
                if (link.selectedAccount().isEmpty() && link.tradingAccount() instanceof TradingAccount.Unselected u) {
                    return new SubmitResult.Rejected(order.orderRef(), "no IB account is selected, so nothing was"
                            + " sent: " + u.reason(), false);
                }
                MarketSession session = session(order.symbol());
                int parentId = link.allocateOrderIds(LEGS.length);
                Contract contract = Contract.stock(order.symbol(), settings.exchange(), settings.currency());
                List<PlaceOrder> legs = BracketPlanner.plan(order, parentId, contract, link.selectedAccount(),
                        session);
                CompletableFuture<BracketAck.Outcome> ack = tracker.expect(legs, LEGS, order.symbol(),
                        order.direction(), BracketAck.Rule.UNLESS_UNKNOWN_CONTRACT);
                BracketAck.Outcome outcome;
                try {
                    link.sendAll(legs);
                    outcome = Requests.await(ack, settings.requestTimeout(),
                            "acknowledgement of bracket " + order.orderRef());
                } catch (GatewayException e) {
                    tracker.settle(order.orderRef(), true);
                    throw new GatewayException(e.reason(), e.getMessage()
                            + "; the gateway may hold part of this bracket: resubmitting is safe, the orderRef is"
                            + " checked against the gateway after reconciliation");
                }
                if (!BracketAck.Rule.UNLESS_UNKNOWN_CONTRACT.accepts(outcome)) {
                    tracker.settle(order.orderRef(), false);
                    return new SubmitResult.Rejected(order.orderRef(),
                            "unknown symbol " + order.symbol() + " (" + outcome.reason() + ")", false);
                }
                tracker.settle(order.orderRef(), true);
                return new SubmitResult.Accepted(order.orderRef(), legs.stream()
                        .map(l -> Integer.toString(l.orderId())).toList());
            } catch (GatewayException e) {
                throw e.toBroker();
            }
        }
    }

    @Override
    public int cancel(String orderRef) {
        try {
            ready();
            List<Integer> ids = tracker.cancellable(orderRef);
            for (int id : ids) {
                link.send(new Outbound.CancelOrder(id));
            }
            return ids.size();
        } catch (GatewayException e) {
            throw e.toBroker();
        }
    }

    @Override
    public ModifyResult modify(String orderRef, ProtectionChange change) {
        return translated(() -> control.modify(orderRef, change));
    }

    @Override
    public PlaceResult close(CloseOrder order) {
        return translated(() -> control.close(order));
    }

    @Override
    public PlaceResult protect(StopOrder order) {
        return translated(() -> control.protect(order));
    }

    /** The call, its gateway failure turned into the port's exception. */
    private static <T> T translated(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (GatewayException e) {
            throw e.toBroker();
        }
    }

    @Override
    public AutoCloseable subscribe(OrderEventListener listener) {
        return events.subscribe(listener);
    }

    /** The symbol's session now; an unknown symbol is left to the gateway, which refuses it (200). */
    private MarketSession session(String symbol) {
        try {
            return contracts.session(symbol);
        } catch (GatewayException e) {
            return TradingHours.regular(settings.clock().instant());
        }
    }

    private void ready() {
        link.awaitReady(timeoutOf());
    }

    private java.time.Duration timeoutOf() {
        return settings.requestTimeout();
    }

    private void trySend(Outbound m) {
        try {
            link.send(m);
        } catch (GatewayException e) {
            // the session is gone; the subscription went with it
        }
    }

    private static double num(Map<String, Inbound.AccountSummary> tags, String tag) {
        Inbound.AccountSummary s = tags.get(tag);
        if (s == null) {
            return 0.0;
        }
        try {
            return Double.parseDouble(s.value());
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }
}
