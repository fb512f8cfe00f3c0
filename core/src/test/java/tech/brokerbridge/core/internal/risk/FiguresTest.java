package tech.brokerbridge.core.internal.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
    void theSameTextAsTheFormatter() {
        Random random = new Random(42);
        List<Double> values = new ArrayList<>(List.of(0.005, 0.015, 1.005, 2.675, 1e-7, -1e-7, 123456789.125,
                9.995, -9.995, 1e15 + 0.5, 4.35, 100.0, -100.0, Double.MIN_VALUE, 1e20, 123.0 / 7, 1e12, -1.5e12, 1.2345678e7,
                9.999999995e9, 1e16, 9.9e15, -1e-3, 1e-3, 0.0049999, 0.0050001, 99999.995));
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, random.nextInt(22) - 5);
            values.add((random.nextDouble() - 0.3) * scale);
            values.add(Math.round(random.nextDouble() * 1e6) / 1000.0 * (random.nextBoolean() ? 1 : -1)); // x.xx5 cases
        }
        for (double v : values) {
            String expected = String.format(Locale.ROOT, "%.2f", v);
            assertEquals(expected.equals("-0.00") ? "0.00" : expected, Figures.fmt(v), "of " + v);
        }
        assertEquals("NaN", Figures.fmt(Double.NaN));
        assertEquals("Infinity", Figures.fmt(Double.POSITIVE_INFINITY));
    }

    @Test
    void aFlatDayReadsAsZeroInTheDailyLossReason() {
        GateResult r = new DailyLossGate().evaluate(RiskFixtures.ctx(100_000, -0.0001, List.of(), List.of(), List.of(), List.of()));
        assertEquals("today's P&L 0.00% is above the loss limit of -2.00%", r.reason());
    }
}
