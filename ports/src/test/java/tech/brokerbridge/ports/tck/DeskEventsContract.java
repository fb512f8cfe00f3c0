package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.DeskEvents;
import tech.brokerbridge.ports.events.EventSubscription;

/**
 * The contract of {@link DeskEvents}, for the desk's publisher and every fake: events in id order with
 * ids that go up by one, nothing from before the subscription, a listener that blocks or throws costs
 * the publisher and the other subscribers nothing (its buffer of at least {@value #MIN_BUFFER} fills,
 * then its events are dropped and counted), and a closed subscription gets nothing more.
 *
 * <p>Hooks: {@link #events()} — a fresh publisher for each test; {@link #publishOne()} — makes it publish
 * one event (of any kind). Waits are bounded by {@link #WAIT}; none is a speed goal.
 */
public abstract class DeskEventsContract {
    protected static final Duration WAIT = Duration.ofSeconds(10);
    protected static final int MIN_BUFFER = 1024;

    protected abstract DeskEvents events();

    protected abstract void publishOne();

    @Test
    void eventsArriveInIdOrderWithIdsThatGoUpByOne() throws Exception {
        DeskEvents events = events();
        List<DeskEvent> got = new CopyOnWriteArrayList<>();
        try (EventSubscription s = events.subscribe(got::add)) {
            for (int i = 0; i < 50; i++) {
                publishOne();
            }
            await(() -> got.size() == 50, "50 events");
            for (int i = 1; i < got.size(); i++) {
                assertEquals(got.get(i - 1).id() + 1, got.get(i).id(), "ids go up by one: " + got);
                assertTrue(!got.get(i).time().isBefore(got.get(i - 1).time()), "times do not go back");
            }
            assertEquals(50, s.delivered());
            assertEquals(0, s.dropped());
        }
    }

    @Test
    void eventsPublishedBeforeSubscribingAreNotDelivered() {
        DeskEvents events = events();
        publishOne();
        publishOne();
        List<DeskEvent> got = new CopyOnWriteArrayList<>();
        try (EventSubscription s = events.subscribe(got::add)) {
            publishOne();
            await(() -> got.size() == 1, "the one event after subscribing");
            assertEquals(1, got.size());
        }
    }

    @Test
    void aBlockedListenerCostsThePublisherAndTheOthersNothingAndItsDropsAreCounted() throws Exception {
        DeskEvents events = events();
        CountDownLatch release = new CountDownLatch(1);
        List<DeskEvent> fast = new CopyOnWriteArrayList<>();
        int total = MIN_BUFFER * 3;
        try (EventSubscription blocked = events.subscribe(e -> awaitQuietly(release));
                EventSubscription other = events.subscribe(fast::add)) {
            // in bursts of half a buffer, each awaited by the other subscriber: a burst fits its buffer
            for (int burst = 0; burst < total; burst += MIN_BUFFER / 2) {
                assertTimeoutPreemptively(WAIT, () -> {
                    for (int i = 0; i < MIN_BUFFER / 2; i++) {
                        publishOne();
                    }
                }, "publishing must never wait for a listener");
                int expected = burst + MIN_BUFFER / 2;
                await(() -> fast.size() == expected, "the other subscriber gets every event");
            }
            assertTrue(blocked.dropped() > 0, "the blocked subscriber's buffer overflowed and drops were counted");
            assertTrue(blocked.dropped() <= total - MIN_BUFFER, "at least " + MIN_BUFFER + " buffered, dropped "
                    + blocked.dropped());
            release.countDown();
            await(() -> blocked.delivered() + blocked.dropped() == total,
                    "every event delivered or counted as dropped");
            assertEquals(0, other.dropped());
        }
    }

    @Test
    void aListenerThatThrowsGetsTheNextEvent() {
        DeskEvents events = events();
        List<DeskEvent> got = new CopyOnWriteArrayList<>();
        try (EventSubscription s = events.subscribe(e -> {
            got.add(e);
            throw new IllegalStateException("listener bug");
        })) {
            publishOne();
            publishOne();
            await(() -> got.size() == 2, "both events despite the exceptions");
        }
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() throws Exception {
        DeskEvents events = events();
        List<DeskEvent> closed = new CopyOnWriteArrayList<>();
        List<DeskEvent> open = new CopyOnWriteArrayList<>();
        EventSubscription s = events.subscribe(closed::add);
        try (EventSubscription o = events.subscribe(open::add)) {
            publishOne();
            await(() -> closed.size() == 1 && open.size() == 1, "the first event");
            s.close();
            s.close();
            publishOne();
            await(() -> open.size() == 2, "the second event to the open subscription");
            TimeUnit.MILLISECONDS.sleep(50); // a grace for a wrong delivery to show; the assertion is on absence
            assertEquals(1, closed.size(), "nothing after close");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static void await(BooleanSupplier condition, String what) {
        Await.until(condition, what);
    }
}
