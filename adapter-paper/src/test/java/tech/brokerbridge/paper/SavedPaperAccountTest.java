package tech.brokerbridge.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

/** {@link PaperFactory#saved}: what a saved account holds, read from the real file, even while a market runs on it. */
class SavedPaperAccountTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    @Test
    void noFileFreshAccountAndAccountWithABracket() throws IOException {
        assertEquals(Optional.empty(), PaperFactory.saved(dir));
        try (PaperMarket m = PaperFactory.create(PaperConfig.persistentIn(dir), CLOCK)) {
            SavedPaperAccount fresh = PaperFactory.saved(dir).orElseThrow();
            assertFalse(fresh.hasHistory(), fresh.toString());
            assertInstanceOf(SubmitResult.Accepted.class,
                    m.broker().submitBracket(new BracketOrder("prp-000000000001", "AAPL", Direction.LONG, 10, 50, 40, 200)));
            SavedPaperAccount traded = PaperFactory.saved(dir).orElseThrow();
            assertEquals(1, traded.brackets());
            assertTrue(traded.hasHistory());
        }
        Files.writeString(dir.resolve("paper-account.json"), "not json");
        assertThrows(IllegalStateException.class, () -> PaperFactory.saved(dir));
    }
}
