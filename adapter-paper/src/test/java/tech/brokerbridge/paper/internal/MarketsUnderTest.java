package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.tck.OrderEventRecorder;

/**
 * The paper markets a test opened, closed after each test (register with {@code @RegisterExtension}),
 * and the small broker steps the paper tests share.
 */
final class MarketsUnderTest implements AfterEachCallback {
    private final List<SimulatedMarket> opened = new ArrayList<>();

    /** Keeps {@code market} to be closed after the test; returns it. */
    SimulatedMarket track(SimulatedMarket market) {
        opened.add(market);
        return market;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(SimulatedMarket::close);
    }

    /** A recorder subscribed to {@code broker}'s order events. */
    static OrderEventRecorder subscribe(Broker broker) {
        OrderEventRecorder events = new OrderEventRecorder();
        broker.subscribe(events);
        return events;
    }

    /** Submits {@code order}, asserting the broker accepted it. */
    static SubmitResult.Accepted accept(Broker broker, BracketOrder order) {
        return assertInstanceOf(SubmitResult.Accepted.class, broker.submitBracket(order));
    }
}
