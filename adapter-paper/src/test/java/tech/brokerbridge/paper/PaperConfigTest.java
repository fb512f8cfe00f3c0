package tech.brokerbridge.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaperConfigTest {
    @Test
    void defaultsToOneHundredThousandDollars() {
        PaperConfig c = PaperConfig.defaults();
        assertEquals(100_000, c.startingCash());
        assertEquals("USD", c.currency());
        try (PaperMarket m = PaperFactory.create(c, Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC))) {
            assertEquals(100_000, m.broker().account().netLiquidation(), 1e-9);
            assertEquals("USD", m.broker().account().currency());
            assertEquals("paper", m.broker().name());
        }
    }

    @Test
    void defaultsLiveInMemoryAndPersistentInNamesTheDirectory() {
        assertEquals(Optional.empty(), PaperConfig.defaults().stateDirectory());
        assertEquals(Optional.empty(), new PaperConfig(5000, "EUR", 3).stateDirectory());
        Path dir = Path.of("data");
        assertEquals(new PaperConfig(100_000, "USD", 7, Optional.of(dir)), PaperConfig.persistentIn(dir));
        assertEquals(new PaperConfig(5000, "EUR", 3, Optional.of(dir)), new PaperConfig(5000, "EUR", 3).withStateDirectory(dir));
        assertThrows(NullPointerException.class, () -> PaperConfig.persistentIn(null));
        assertThrows(NullPointerException.class, () -> new PaperConfig(1000, "USD", 1, null));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new PaperConfig(0, "USD", 1));
        assertThrows(IllegalArgumentException.class, () -> new PaperConfig(Double.NaN, "USD", 1));
        assertThrows(IllegalArgumentException.class, () -> new PaperConfig(Double.POSITIVE_INFINITY, "USD", 1));
        assertThrows(IllegalArgumentException.class, () -> new PaperConfig(1000, "usd", 1));
        assertThrows(NullPointerException.class, () -> new PaperConfig(1000, null, 1));
        assertThrows(NullPointerException.class, () -> PaperFactory.create(null, Clock.systemUTC()));
    }
}
