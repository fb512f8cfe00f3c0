package tech.brokerbridge.paper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.tck.BrokerRig;

/**
 * A paper account whose market can be closed and reopened under its callers. Its {@link #broker()}
 * passes every call to the broker of the market open now (whatever the Broker port holds, so the
 * restart tests follow the port as it grows); its listeners follow it to the new one.
 */
final class RestartingBroker {
    private final Path dir;
    private final Map<OrderEventListener, AutoCloseable> listeners = new ConcurrentHashMap<>();
    private final Broker broker = (Broker) Proxy.newProxyInstance(Broker.class.getClassLoader(),
            new Class<?>[] {Broker.class}, (proxy, method, args) -> forward(proxy, method, args));
    private volatile SimulatedMarket market;

    RestartingBroker(Path dir) {
        this.dir = dir;
        this.market = open();
    }

    private SimulatedMarket open() {
        return new SimulatedMarket(PaperConfig.persistentIn(dir), PaperBrokerContractTest.CLOCK);
    }

    /** The broker of whichever market is open at the time of each call. */
    Broker broker() {
        return broker;
    }

    /** Closes the market (its queued events are delivered first) and opens the account again. */
    synchronized void restart() {
        market.close();
        market = open();
        listeners.replaceAll((listener, old) -> market.broker().subscribe(listener));
    }

    /**
     * This account under the broker contracts: before every price move the market is closed and a new
     * one opened on the same state directory, so whatever a test placed must carry on in the reopened
     * account exactly as if nothing had happened.
     */
    BrokerRig rig() {
        return new BrokerRig(broker, (symbol, price) -> {
            restart();
            market.exchange().forcePrice(symbol, price);
        }, () -> market.close());
    }

    private Object forward(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "RestartingBroker[" + dir + "]";
            };
        }
        if (method.getName().equals("subscribe")) {
            return subscribe((OrderEventListener) args[0]);
        }
        try {
            return method.invoke(market.broker(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A subscription that moves to each new market until it is closed. */
    private synchronized AutoCloseable subscribe(OrderEventListener listener) {
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
