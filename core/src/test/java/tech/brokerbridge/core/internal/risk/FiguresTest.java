package tech.brokerbridge.core.internal.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.GateResult;

/** Issue 10.8: the gates' reasons never show {@code -0.00}. */
class FiguresTest {
    @Test
    void twoDecimalsAndNoNegativeZero() {
        assertEquals("0.00", Figures.fmt(-0.0));
        assertEquals("0.00", Figures.fmt(-0.004));
        assertEquals("-0.01", Figures.fmt(-0.005));
        assertEquals("4976.40", Figures.fmt(4976.400000000001));
        assertEquals("0.29", Figures.fmt(0.285));
    }

    @Test
    void aFlatDayReadsAsZeroInTheDailyLossReason() {
        GateResult r = new DailyLossGate().evaluate(RiskFixtures.ctx(100_000, -0.0001, List.of(), List.of(), List.of(), List.of()));
        assertEquals("today's P&L 0.00% is above the loss limit of -2.00%", r.reason());
    }
}
