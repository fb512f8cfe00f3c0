package tech.brokerbridge.paper.internal;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.broker.AccountKind;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.broker.TradingAccount;

/** The {@link Broker} port over the {@link PaperExchange}. Calls wait only for the exchange's lock and, when the account lives in a file, its save. */
public final class PaperBroker implements Broker {
    private static final ConnectionStatus CLOSED = new ConnectionStatus(false, "paper market closed");
    /** The desk's own paper account: always a paper account, never real money. */
    private static final TradingAccount ACCOUNT = new TradingAccount.Selected("paper", AccountKind.PAPER,
            Optional.empty());

    private final PaperExchange exchange;
    /** The open status last made, for its price source. */
    private volatile Open open;

    private record Open(String source, ConnectionStatus status) {
    }

    public PaperBroker(PaperExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public ConnectionStatus connectionStatus() {
        if (exchange.isClosed()) {
            return CLOSED;
        }
        // asked on every GET /api/health: the status is made again only when the price source changes
        String source = exchange.feed().source().name();
        Open last = open;
        if (last == null || !last.source().equals(source)) {
            last = new Open(source, new ConnectionStatus(true, "paper account (orders filled locally; prices: "
                    + source + ")"));
            open = last;
        }
        return last.status();
    }

    @Override
    public TradingAccount tradingAccount() {
        return ACCOUNT;
    }

    @Override
    public AccountSnapshot account() {
        return exchange.account();
    }

    @Override
    public List<Position> positions() {
        return exchange.positions();
    }

    @Override
    public List<OrderView> openOrders() {
        return exchange.openOrders();
    }

    @Override
    public List<OrderView> ordersByRef(String orderRef) {
        return exchange.ordersByRef(orderRef);
    }

    @Override
    public SubmitResult submitBracket(BracketOrder order) {
        return exchange.submit(order);
    }

    @Override
    public int cancel(String orderRef) {
        return exchange.cancel(orderRef);
    }

    @Override
    public ModifyResult modify(String orderRef, ProtectionChange change) {
        return exchange.modify(orderRef, change);
    }

    @Override
    public PlaceResult close(CloseOrder order) {
        return exchange.close(order);
    }

    @Override
    public PlaceResult protect(StopOrder order) {
        return exchange.protect(order);
    }

    @Override
    public AutoCloseable subscribe(OrderEventListener listener) {
        return exchange.subscribe(listener);
    }
}
