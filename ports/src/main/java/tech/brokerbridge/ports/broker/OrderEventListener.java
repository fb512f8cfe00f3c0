package tech.brokerbridge.ports.broker;

/**
 * Receives order events. Called on a broker thread, one event at a time, in the order the broker
 * reported them; it must return quickly and must not throw.
 */
@FunctionalInterface
public interface OrderEventListener {
    void onEvent(OrderEvent event);
}
