package tech.brokerbridge.paper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.tck.BrokerRig;

/** A broker whose market can be closed and reopened under its callers; listeners follow it to the new one. */
final class RestartingBroker implements Broker {
    private final Path dir;
    private final Map<OrderEventListener, AutoCloseable> listeners = new ConcurrentHashMap<>();
    volatile SimulatedMarket market;

    RestartingBroker(Path dir) {
        this.dir = dir;
        this.market = open();
    }

    private SimulatedMarket open() {
        return new SimulatedMarket(PaperConfig.persistentIn(dir), PaperBrokerContractTest.CLOCK);
    }

    /** Closes the market (its queued events are delivered first) and opens the account again. */
    synchronized void restart() {
        market.close();
        market = open();
        listeners.replaceAll((listener, old) -> market.broker().subscribe(listener));
    }

    /**
     * This broker under the broker contracts: before every price move the market is closed and a new
     * one opened on the same state directory, so whatever a test placed must carry on in the reopened
     * account exactly as if nothing had happened.
     */
    BrokerRig rig() {
        return new BrokerRig(this, (symbol, price) -> {
            restart();
            market.exchange().forcePrice(symbol, price);
        }, () -> market.close());
    }

    @Override
    public String name() {
        return market.broker().name();
    }

    @Override
    public ConnectionStatus connectionStatus() {
        return market.broker().connectionStatus();
    }

    @Override
    public TradingAccount tradingAccount() {
        return market.broker().tradingAccount();
    }

    @Override
    public AccountSnapshot account() {
        return market.broker().account();
    }

    @Override
    public List<Position> positions() {
        return market.broker().positions();
    }

    @Override
    public List<OrderView> openOrders() {
        return market.broker().openOrders();
    }

    @Override
    public List<OrderView> ordersByRef(String orderRef) {
        return market.broker().ordersByRef(orderRef);
    }

    @Override
    public SubmitResult submitBracket(BracketOrder order) {
        return market.broker().submitBracket(order);
    }

    @Override
    public int cancel(String orderRef) {
        return market.broker().cancel(orderRef);
    }

    @Override
    public ModifyResult modify(String orderRef, ProtectionChange change) {
        return market.broker().modify(orderRef, change);
    }

    @Override
    public PlaceResult close(CloseOrder order) {
        return market.broker().close(order);
    }

    @Override
    public PlaceResult protect(StopOrder order) {
        return market.broker().protect(order);
    }

    @Override
    public synchronized AutoCloseable subscribe(OrderEventListener listener) {
        listeners.put(listener, market.broker().subscribe(listener));
        return () -> {
            synchronized (this) {
                AutoCloseable current = listeners.remove(listener);
                if (current != null) {
                    current.close();
                }
            }
        };
    }
}
