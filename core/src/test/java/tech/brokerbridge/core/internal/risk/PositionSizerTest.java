package tech.brokerbridge.core.internal.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tech.brokerbridge.core.internal.risk.RiskFixtures.ctx;

import org.junit.jupiter.api.Test;

class PositionSizerTest {
    @Test
    void riskBudgetOverStopDistanceInWholeShares() {
        // 0.5 % of 100 000 = 500; stop distance 3 → 166.67 → 166; cap 5 % / 20 = 250
        PositionSizer.Size s = PositionSizer.size(20, 17, ctx(100_000));
        assertEquals(166, s.quantity());
        assertEquals(166, s.byRisk());
        assertEquals(250, s.cap());
    }

    @Test
    void cappedByTheMaxPositionSize() {
        // 500 / 2 = 250 shares but 5 % of 100 000 at 100 allows 50
        PositionSizer.Size s = PositionSizer.size(100, 98, ctx(100_000));
        assertEquals(50, s.quantity());
        assertEquals(250, s.byRisk());
    }

    @Test
    void exactDivisionIsNotLostToRounding() {
        assertEquals(100, PositionSizer.size(40, 35, ctx(100_000)).quantity()); // 500 / 5 = 100, cap 125
    }

    @Test
    void zeroWhenTheStopIsTooFarOrThePriceTooHigh() {
        assertEquals(0, PositionSizer.size(1000, 400, ctx(100_000)).quantity()); // 500 / 600 < 1
        assertEquals(0, PositionSizer.size(6000, 5999, ctx(100_000)).quantity()); // cap 5000 / 6000 < 1
        assertEquals(0, PositionSizer.size(100, 100, ctx(100_000)).quantity());
        assertEquals(0, PositionSizer.size(100, 98, ctx(0)).quantity());
    }
}
