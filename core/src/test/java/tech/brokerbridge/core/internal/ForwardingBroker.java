package tech.brokerbridge.core.internal;

import java.util.List;
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

/** A broker that forwards to another; tests override one method. */
class ForwardingBroker implements Broker {
    private final Broker to;

    ForwardingBroker(Broker to) {
        this.to = to;
    }

    @Override
    public String name() {
        return to.name();
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return to.connectionStatus();
    }

    @Override
    public TradingAccount tradingAccount() {
        return to.tradingAccount();
    }

    @Override
    public AccountSnapshot account() {
        return to.account();
    }

    @Override
    public List<Position> positions() {
        return to.positions();
    }

    @Override
    public List<OrderView> openOrders() {
        return to.openOrders();
    }

    @Override
    public List<OrderView> ordersByRef(String orderRef) {
        return to.ordersByRef(orderRef);
    }

    @Override
    public SubmitResult submitBracket(BracketOrder order) {
        return to.submitBracket(order);
    }

    @Override
    public int cancel(String orderRef) {
        return to.cancel(orderRef);
    }

    @Override
    public AutoCloseable subscribe(OrderEventListener listener) {
        return to.subscribe(listener);
    }

    @Override
    public ModifyResult modify(String orderRef, ProtectionChange change) {
        return to.modify(orderRef, change);
    }

    @Override
    public PlaceResult close(CloseOrder order) {
        return to.close(order);
    }

    @Override
    public PlaceResult protect(StopOrder order) {
        return to.protect(order);
    }
}
