package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.paper.internal.AccountState.Ledger;

/**
 * Account files written by the hand-written JSON code that came before Jackson (version 1) still load,
 * unchanged, and are written back in the same layout as version 2, with an empty {@code trades} member.
 */
class LegacyAccountFileTest {
    @TempDir
    Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = LegacyAccountFileTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aVersion1FileLoadsAndIsWrittenBackByteForByte() throws IOException {
        String legacy = resource("paper-account-v1.json");
        AccountState state = AccountStateCodec.decode(legacy);
        assertEquals(AccountStateCodecTest.sample(), state);
        assertEquals(asVersion2(legacy), AccountStateCodec.encode(state));
    }

    /** The version 1 text as version 2 writes it: the same, with the version and an empty trades member. */
    private static String asVersion2(String v1) {
        return v1.replace("\"version\": 1", "\"version\": 2").substring(0, v1.lastIndexOf("\n}"))
                + ",\n  \"trades\": {\n    \"legs\": {},\n    \"orders\": [],\n    \"commissions\": {}\n  }\n}\n";
    }

    @Test
    void anEmptyVersion1AccountToo() throws IOException {
        String legacy = resource("paper-account-v1-empty.json");
        AccountState empty = new AccountState("EUR", 7, "P-", 1, 1, Instant.parse("2026-03-18T15:05:00Z"),
                new Ledger(5, LocalDate.parse("2026-01-01"), 0, 5, List.of()), Map.of(), List.of());
        assertEquals(empty, AccountStateCodec.decode(legacy));
        assertEquals(asVersion2(legacy), AccountStateCodec.encode(empty));
    }

    @Test
    void thePaperBrokerOpensALegacyFile() throws IOException {
        Files.writeString(dir.resolve(AccountFile.NAME), resource("paper-account-v1.json"));
        Clock clock = Clock.fixed(Instant.parse("2026-03-18T15:20:00Z"), ZoneOffset.UTC);
        try (PaperMarket m = PaperFactory.create(new PaperConfig(100_000, "USD", -42, Optional.of(dir)), clock)) {
            assertEquals(3, m.broker().ordersByRef("prp-0123456789ab").size());
            assertEquals(3, m.broker().ordersByRef("prp-ba9876543210").size());
        }
    }
}
