package tech.brokerbridge.ports;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.events.DeskEvent;

class RequireTest {
    @Test
    void passesWhenNoValueIsNull() {
        assertDoesNotThrow(() -> Require.nonNull("a", "x", "b", 1, "c", Optional.empty()));
        assertDoesNotThrow(() -> Require.nonNull());
    }

    @Test
    void namesTheMissingComponentAsObjectsRequireNonNullWould() {
        NullPointerException expected = assertThrows(NullPointerException.class,
                () -> java.util.Objects.requireNonNull(null, "symbol"));
        NullPointerException got = assertThrows(NullPointerException.class,
                () -> Require.nonNull("time", Instant.EPOCH, "symbol", null, "reason", "r"));
        assertEquals(expected.getMessage(), got.getMessage());
    }

    @Test
    void namesTheFirstMissingComponentInTheOrderGiven() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Require.nonNull("time", null, "symbol", null));
        assertEquals("time", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> Require.nonNull("time", Instant.EPOCH, "symbol", null));
        assertEquals("symbol", e.getMessage());
    }

    @Test
    void refusesArgumentsThatAreNotNameValuePairs() {
        assertThrows(IllegalArgumentException.class, () -> Require.nonNull("time"));
        assertThrows(IllegalArgumentException.class, () -> Require.nonNull("time", Instant.EPOCH, 3, "x"));
        // a name that is missing is a programming error too, not a missing component
        assertThrows(IllegalArgumentException.class, () -> Require.nonNull(null, "x"));
    }

    @Test
    void aRecordUsingItStillNamesEachMissingComponent() {
        Instant t = Instant.EPOCH;
        assertEquals("time", assertThrows(NullPointerException.class,
                () -> new DeskEvent.PositionClosed(1, null, "AAPL", 10, 1.0, "prp-1", "closed")).getMessage());
        assertEquals("orderRef", assertThrows(NullPointerException.class,
                () -> new DeskEvent.PositionClosed(1, t, "AAPL", 10, 1.0, null, "closed")).getMessage());
        assertEquals("reason", assertThrows(NullPointerException.class,
                () -> new DeskEvent.PositionClosed(1, t, "AAPL", 10, 1.0, "prp-1", null)).getMessage());
    }
}
