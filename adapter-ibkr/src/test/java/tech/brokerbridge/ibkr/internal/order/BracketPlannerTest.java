package tech.brokerbridge.ibkr.internal.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Period;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.internal.market.Durations;

class BracketPlannerTest {
    @Test
    void pricesAreRoundedToTheTick() {
        assertEquals(150.01, BracketPlanner.tick(150.0149));
        assertEquals(0.1235, BracketPlanner.tick(0.12345));
    }

    @Test
    void lookbacksBecomeIbDurations() {
        assertEquals("1 Y", Durations.of(Period.ofYears(1)));
        assertEquals("6 M", Durations.of(Period.ofMonths(6)));
        assertEquals("2 Y", Durations.of(Period.ofMonths(24)));
        assertEquals("30 D", Durations.of(Period.ofDays(30)));
        assertEquals("2 Y", Durations.of(Period.ofDays(400)));
    }
}
