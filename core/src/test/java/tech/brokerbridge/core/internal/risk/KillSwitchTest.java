package tech.brokerbridge.core.internal.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.fakes.FakeBroker;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.market.Direction;

class KillSwitchTest {
    final InMemoryJournal journal = new InMemoryJournal();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T15:00:00Z"));
    final FakeBroker broker = new FakeBroker(clock);

    @Test
    void engagingPersistsTellsListenersAndRefuses() {
        KillSwitch ks = new KillSwitch(journal, broker, clock);
        AtomicInteger told = new AtomicInteger();
        ks.onEngage(told::incrementAndGet);
        assertEquals("ran", ks.whileReleased(() -> "ran", () -> "refused"));
        assertEquals(0, ks.engage(false, "market is crazy"));
        assertTrue(ks.engaged());
        assertEquals(1, told.get());
        assertEquals("kill switch engaged: market is crazy", ks.refusal());
        assertEquals("refused", ks.whileReleased(() -> "ran", () -> "refused"));
        assertEquals(Optional.of(new KillSwitchState.Engaged(clock.instant(), KillSwitchState.EngagedBy.USER,
                "market is crazy")), journal.killSwitch(), "who, why and when are kept");

        KillSwitch afterRestart = new KillSwitch(journal, broker, clock);
        afterRestart.restore();
        assertTrue(afterRestart.engaged());
        assertEquals("market is crazy", afterRestart.reason().orElseThrow());

        clock.advance(Duration.ofMinutes(5));
        afterRestart.release();
        assertEquals(Optional.of(new KillSwitchState.Released(clock.instant())), journal.killSwitch());
        KillSwitch again = new KillSwitch(journal, broker, clock);
        again.restore();
        assertFalse(again.engaged());
    }

    @Test
    void cancelsEveryOpenBracketWhenAsked() {
        broker.knowBracket(new BracketOrder("prp-000000000001", "AAPL", Direction.LONG, 10, 100, 98, 104));
        broker.knowBracket(new BracketOrder("prp-000000000002", "MSFT", Direction.LONG, 10, 100, 98, 104));
        KillSwitch ks = new KillSwitch(journal, broker, clock);
        assertEquals(6, ks.engage(true, "stop"));
        assertTrue(broker.openOrders().isEmpty());
    }

    @Test
    void aBrokerThatCannotCancelStillLeavesTheSwitchEngaged() {
        broker.knowBracket(new BracketOrder("prp-000000000001", "AAPL", Direction.LONG, 10, 100, 98, 104));
        broker.setConnected(false);
        KillSwitch ks = new KillSwitch(journal, broker, clock);
        assertThrows(BrokerException.class, () -> ks.engage(true, "stop"));
        assertTrue(ks.engaged());
        assertInstanceOf(KillSwitchState.Engaged.class, journal.killSwitch().orElseThrow());
    }
}
