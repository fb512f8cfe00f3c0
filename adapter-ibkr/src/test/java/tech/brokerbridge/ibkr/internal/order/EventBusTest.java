package tech.brokerbridge.ibkr.internal.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;

class EventBusTest {
    private static OrderEvent working(String ref) {
        return new OrderEvent.Working(ref, OrderLeg.ENTRY, "1", Instant.EPOCH);
    }

    @Test
    void eventsOfABatchGoOutAtItsEndInPublicationOrderWithThoseOfOtherThreads() throws Exception {
        List<String> seen = new ArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(4);
        try (EventBus bus = new EventBus()) {
            bus.subscribe(e -> {
                synchronized (seen) {
                    seen.add(e.orderRef());
                }
                first.countDown();
                all.countDown();
            });
            bus.beginBatch();
            bus.publish(working("a"));
            Thread other = new Thread(() -> bus.publish(working("b")));
            other.start();
            other.join();
            bus.publish(working("c"));
            // held until the batch ends: nothing may arrive meanwhile
            assertTrue(!first.await(200, TimeUnit.MILLISECONDS), "an event left before its batch ended");
            bus.endBatch();
            bus.publish(working("d"));
            assertTrue(all.await(5, TimeUnit.SECONDS), "events were not delivered");
            synchronized (seen) {
                assertEquals(List.of("a", "b", "c", "d"), seen);
            }
        }
    }
}
