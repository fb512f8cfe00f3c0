package tech.brokerbridge.core.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.EventSubscription;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.tck.JournalSamples;

class PublishingOrderLogTest {

    /** Which write the wrapped journal was asked for. */
    private static final class RecordingLog implements OrderLog {
        final List<String> calls = new ArrayList<>();

        @Override
        public void saveOrder(OrderRecord order) {
            calls.add("saveOrder");
        }

        @Override
        public void saveOrderProgress(OrderRecord order) {
            calls.add("saveOrderProgress");
        }

        @Override
        public boolean recordFill(FillRecord fill) {
            return true;
        }

        @Override
        public boolean recordCommission(String executionId, double commission) {
            return true;
        }

        @Override
        public Optional<OrderRecord> findOrder(String orderRef) {
            return Optional.empty();
        }

        @Override
        public List<OrderRecord> orders(int limit) {
            return List.of();
        }

        @Override
        public List<FillRecord> fills(String orderRef) {
            return List.of();
        }
    }

    @Test
    void orderProgressStaysTheJournalsUnsyncedProgressWriteAndIsPublished() throws Exception {
        RecordingLog journal = new RecordingLog();
        try (EventHub hub = new EventHub(Clock.systemUTC())) {
            BlockingQueue<DeskEvent> seen = new LinkedBlockingQueue<>();
            EventSubscription sub = hub.subscribe(seen::add);
            try {
                OrderRecord order = JournalSamples.order(1, Instant.parse("2026-12-01T15:00:00Z"));
                new PublishingOrderLog(journal, hub).saveOrderProgress(order);

                assertEquals(List.of("saveOrderProgress"), journal.calls, "a progress write must not become a synced one");
                DeskEvent event = seen.poll(5, TimeUnit.SECONDS);
                assertTrue(event instanceof DeskEvent.OrderUpdated u && u.order().equals(order), "published: " + event);
            } finally {
                sub.close();
            }
        }
    }
}
