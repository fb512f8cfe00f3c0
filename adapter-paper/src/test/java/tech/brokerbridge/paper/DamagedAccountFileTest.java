package tech.brokerbridge.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

/** A damaged account file stops the paper market with a clear error; it is never replaced by a fresh account. */
class DamagedAccountFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("paper-account.json");
    }

    /** A real account file with one bracket in it. */
    private String savedAccount() throws IOException {
        try (PaperMarket m = PaperFactory.create(PaperConfig.persistentIn(dir), CLOCK)) {
            assertInstanceOf(SubmitResult.Accepted.class,
                    m.broker().submitBracket(new BracketOrder("prp-000000000001", "AAPL", Direction.LONG, 10, 50, 40, 200)));
        }
        return Files.readString(file());
    }

    @Test
    void eachKindOfDamageIsReportedAndTheFileIsLeftAlone() throws IOException {
        String good = savedAccount();
        List<byte[]> damaged = List.of(
                good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8), // torn
                new byte[0],
                "not json at all".getBytes(StandardCharsets.UTF_8),
                good.replace("\"state\": \"working\"", "\"state\": \"sleeping\"").getBytes(StandardCharsets.UTF_8),
                good.replace("\"version\": 2", "\"version\": 3").getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}); // not UTF-8
        for (byte[] bytes : damaged) {
            Files.write(file(), bytes);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PaperFactory.create(PaperConfig.persistentIn(dir), CLOCK));
            String m = e.getMessage();
            assertTrue(m.contains(file().toAbsolutePath().toString()), "names the file: " + m);
            assertTrue(m.contains("damaged") && m.contains("restore the file from a backup")
                    && m.contains("move it out of the way"), "says what happened and what to do: " + m);
            assertArrayEquals(bytes, Files.readAllBytes(file()), "the damaged file is left as it was");
        }
        assertTrue(assertThrows(IllegalStateException.class, () -> {
            Files.writeString(file(), good.replace("\"state\": \"working\"", "\"state\": \"sleeping\""));
            PaperFactory.create(PaperConfig.persistentIn(dir), CLOCK);
        }).getMessage().contains("unknown OrderState \"sleeping\""), "says where the damage is");
    }

    @Test
    void movingTheDamagedFileAsideOpensANewAccount() throws IOException {
        savedAccount();
        Files.writeString(file(), "{ \"format\": ");
        assertThrows(IllegalStateException.class, () -> PaperFactory.create(PaperConfig.persistentIn(dir), CLOCK));
        Files.move(file(), dir.resolve("paper-account.json.broken"));
        try (PaperMarket m = PaperFactory.create(PaperConfig.persistentIn(dir), CLOCK)) {
            assertEquals(100_000, m.broker().account().cash(), 1e-9);
            assertTrue(m.broker().ordersByRef("prp-000000000001").isEmpty(), "a new, empty account");
        }
    }

    @Test
    void aLeftoverTempFileIsAnUnfinishedSaveAndIgnored() throws IOException {
        String good = savedAccount();
        Files.writeString(dir.resolve("paper-account.json.tmp"), good.substring(0, 40)); // a save cut short by a crash
        try (PaperMarket m = PaperFactory.create(PaperConfig.persistentIn(dir), CLOCK)) {
            assertEquals(3, m.broker().ordersByRef("prp-000000000001").size());
        }
        assertFalse(Files.exists(dir.resolve("paper-account.json.tmp")), "removed");
    }
}
