package tech.brokerbridge.core.internal.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.fakes.FakeBroker;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.KillSwitchState.EngagedBy;

class DailyLossBreakerTest {
    final InMemoryJournal journal = new InMemoryJournal();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T15:00:00Z"));
    final KillSwitch killSwitch = new KillSwitch(journal, new FakeBroker(clock), clock);
    final DailyLossBreaker breaker = new DailyLossBreaker(killSwitch);

    @Test
    void aLossAtTheLimitEngagesTheSwitchByTheLimitWithTheGatesReason() {
        RiskContext lost = RiskFixtures.ctx(100_000, -2000, List.of(), List.of(), List.of(), List.of());
        assertTrue(breaker.trip(lost));
        assertTrue(killSwitch.engaged());
        String gateReason = new DailyLossGate().evaluate(lost).reason();
        assertTrue(gateReason.startsWith("daily loss limit reached"), gateReason);
        assertEquals(Optional.of(new KillSwitchState.Engaged(clock.instant(), EngagedBy.DAILY_LOSS_LIMIT, gateReason)),
                journal.killSwitch());
    }

    @Test
    void aLossBelowTheLimitLeavesTheSwitchAlone() {
        RiskContext fine = RiskFixtures.ctx(100_000, -1999, List.of(), List.of(), List.of(), List.of());
        assertFalse(breaker.trip(fine));
        assertFalse(breaker.trip(new RiskGates().evaluate(RiskFixtures.trade("AAPL", 100, 98, 104, 10), fine)));
        assertFalse(killSwitch.engaged());
        assertEquals(List.of(), journal.writes());
    }

    @Test
    void aSwitchAlreadyEngagedKeepsWhoEngagedItAndWhy() {
        killSwitch.engage(false, "earnings week");
        clock.advance(Duration.ofMinutes(1));
        RiskContext lost = RiskFixtures.ctx(100_000, -5000, List.of(), List.of(), List.of(), List.of());
        assertTrue(breaker.trip(new RiskGates().evaluate(RiskFixtures.trade("AAPL", 100, 98, 104, 10), lost)));
        assertEquals(Optional.of("earnings week"), killSwitch.reason());
        assertEquals(List.of("kill_switch engaged"), journal.writes(), "written once, by the user");
    }
}
