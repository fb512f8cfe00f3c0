package tech.brokerbridge.core.internal.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The bounds every price and quantity the desk sends must keep: bad input of every kind. */
class PriceGuardTest {
    static final PriceReference LAST_100 = new PriceReference("AAPL", 100.0, 0.01, Optional.empty(),
            "the last price 100 (test)");
    final PriceGuard guard = new PriceGuard(25);

    private String refusal(double price) {
        return guard.price("stop_price", price, LAST_100).orElseThrow(() -> new AssertionError(price + " passed"))
                .reason();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFinitePricesAreRefused(double price) {
        assertTrue(refusal(price).startsWith("stop_price must be a finite number"), refusal(price));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1.0, -100.0, -Double.MAX_VALUE, -Double.MIN_VALUE})
    void zeroAndNegativePricesAreRefused(double price) {
        assertTrue(refusal(price).startsWith("stop_price must be a positive price"), refusal(price));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e308, Double.MAX_VALUE, 1e12, 125.02, 74.98, 0.01, Double.MIN_VALUE})
    void hugeTinyAndFarPricesAreRefusedWithTheBounds(double price) {
        String r = refusal(price);
        assertTrue(r.contains("more than 25% away from the last price 100 (test)") && r.contains("between 75 and 125"),
                r);
    }

    @ParameterizedTest
    @ValueSource(doubles = {100.001, 99.995, 101.2345, 75.005})
    void offTickPricesAreRefusedWithTheNearestValidOnes(double price) {
        String r = refusal(price);
        assertTrue(r.contains("is not a multiple of AAPL's tick 0.01"), r);
    }

    @Test
    void theOffTickRefusalNamesBothNeighbours() {
        assertEquals("stop_price 101.234 is not a multiple of AAPL's tick 0.01: use 101.23 or 101.24",
                refusal(101.234));
    }

    @ParameterizedTest
    @ValueSource(doubles = {75.0, 75.01, 99.99, 100.0, 124.99, 125.0})
    void pricesOnTheTickWithinTheBoundsPass(double price) {
        assertEquals(Optional.empty(), guard.price("stop_price", price, LAST_100));
    }

    @Test
    void theAllowedDeviationIsASetting() {
        PriceGuard tight = new PriceGuard(5);
        assertTrue(tight.price("target_price", 106.0, LAST_100).isPresent());
        assertTrue(tight.price("target_price", 105.0, LAST_100).isEmpty());
        tight.maxDeviationPct(10);
        assertTrue(tight.price("target_price", 106.0, LAST_100).isEmpty());
        for (double bad : List.of(0.0, -1.0, 100.5, Double.NaN)) {
            assertThrows(IllegalArgumentException.class, () -> tight.maxDeviationPct(bad));
        }
    }

    @Test
    void aTickOtherThanACentIsHonoured() {
        PriceReference quarter = new PriceReference("ES", 5000.0, 0.25, Optional.empty(), "the last price 5000");
        assertTrue(guard.price("stop_price", 4990.25, quarter).isEmpty());
        assertTrue(guard.price("stop_price", 4990.10, quarter).orElseThrow().reason().contains("use 4990 or 4990.25"));
    }

    @Test
    void quantitiesAreWholePositiveAndFitTheAccount() {
        assertTrue(guard.quantity("quantity", 0, 100, 200_000).orElseThrow().reason().contains("at least 1"));
        assertTrue(guard.quantity("quantity", -5, 100, 200_000).isPresent());
        assertTrue(guard.quantity("quantity", Long.MIN_VALUE, 100, 200_000).isPresent());
        String tooBig = guard.quantity("quantity", Long.MAX_VALUE, 100, 200_000).orElseThrow().reason();
        assertTrue(tooBig.contains("more than the account's buying power 200,000.00"), tooBig);
        assertTrue(guard.quantity("quantity", 2001, 100, 200_000).isPresent(), "200,100 > 200,000");
        assertTrue(guard.quantity("quantity", 2000, 100, 200_000).isEmpty());
        assertTrue(guard.quantity("quantity", 1, 100, Double.NaN).isPresent(), "an unknown buying power fits nothing");
    }

    @Test
    void aBracketReportsEveryBadFieldInOrder() {
        List<PriceGuard.Violation> all = guard.bracket(100, Double.NaN, 1e308, 0, LAST_100, 200_000);
        assertEquals(List.of("stop_price", "target_price", "quantity"),
                all.stream().map(PriceGuard.Violation::field).toList());
        assertEquals(List.of(), guard.bracket(100, 98, 104, 50, LAST_100, 200_000));
    }

    @Test
    void computedPricesAreRoundedToTheTickWithoutFloatNoise() {
        assertEquals(101.23, PriceGuard.round(101.2349, 0.01));
        assertEquals(101.24, PriceGuard.round(101.235, 0.01));
        assertEquals(0.3, PriceGuard.round(0.1 + 0.2, 0.01));
        assertEquals(4990.25, PriceGuard.round(4990.3, 0.25));
        assertEquals(Optional.empty(), guard.price("entry_price", PriceGuard.round(100.0 + 1.0 / 3, 0.01), LAST_100));
    }
}
