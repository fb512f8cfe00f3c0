package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The file's JSON layer: Jackson, held to the strictness the hand-written reader had. */
class AccountDocumentTest {
    private static final String GOOD = AccountStateCodec.encode(AccountStateCodecTest.sample());

    @Test
    void refusesAnythingButStrictJson() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "{a:1}", "{\"a\":01}", "{\"a\":1.}",
                "{\"a\":.5}", "{\"a\":1e}", "{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
                "{\"a\":\"line\nbreak\"}", "{\"a\":1,\"a\":2}", "// c\n{}", "{\"a\":tru}", "{\"a\":NaN}",
                "[".repeat(40) + "]".repeat(40), "\u0000")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountDocument.tree(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("JSON syntax error"), e.getMessage());
        }
    }

    @Test
    void saysWhereASyntaxErrorIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccountDocument.tree("{\n  \"a\": 1,\n  ]"));
        assertTrue(e.getMessage().contains("line 3, column 3"), e.getMessage());
    }

    @Test
    void aMappingErrorSaysWhereInTheFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccountStateCodec.decode(GOOD.replace("\"id\": \"Pt1-2\",", "")));
        assertEquals("the account at brackets[0].legs[1].id: missing or null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AccountStateCodec.decode(GOOD.replace("\"seed\": -42", "\"seed\": -42, \"extra\": 1")));
        assertEquals("the account at extra: an unknown field", e.getMessage());
    }

    @Test
    void refusesToWriteWhatItCannotReadBack() {
        AccountState s = AccountStateCodecTest.sample();
        AccountState nan = new AccountState(s.currency(), s.seed(), s.idPrefix(), s.nextOrderId(), s.nextExecutionId(),
                s.simulatedTime(), new AccountState.Ledger(Double.NaN, s.ledger().day(), 0, 0, List.of()),
                s.priceFactors(), s.brackets());
        assertThrows(IllegalArgumentException.class, () -> AccountStateCodec.encode(nan));
    }

    @Test
    void theStreamingWriterWritesWhatDataBindingWritesOnOneLineAndLaidOut() {
        TreeMap<String, Double> factors = new TreeMap<>();
        factors.put("AAPL", 1.0000000000000002);
        factors.put("Z\"q\\u\u0001\u00e9\u20ac", -0.0);
        factors.put("N", null);
        TreeMap<String, AccountDocument.LegChange> legs = new TreeMap<>();
        legs.put("p-1", new AccountDocument.LegChange(5L, 101.25, Optional.of(new AccountDocument.Trail("percent", 2.5))));
        legs.put("p-2", new AccountDocument.LegChange(null, 99.5, Optional.empty()));
        legs.put("p-3", new AccountDocument.LegChange(7L, null, Optional.of(new AccountDocument.Trail(null, null))));
        TreeMap<String, Double> commissions = new TreeMap<>();
        commissions.put("x-1", 1.0E-7);
        commissions.put("x-2", 1.5E21);
        List<AccountDocument.LoneOrder> orders = List.of(
                new AccountDocument.LoneOrder("r", "close", "p-9", "MSFT", "long", 3L, 12.5, "filled", Optional.of("x-3"),
                        Optional.of(12.75), Optional.of("2026-01-05T15:00:00Z")),
                new AccountDocument.LoneOrder("r\n2", "stop", "p-10", null, "short", null, null, "working",
                        Optional.empty(), Optional.empty(), Optional.empty()));
        List<AccountDocument.Bracket> brackets = List.of(
                new AccountDocument.Bracket("prp-1", "AAPL", "long", 10L, 100.0, 97.0, 106.0, List.of(
                        new AccountDocument.Leg("entry", "p-1", "filled", Optional.of("x-1"), Optional.of(100.01),
                                Optional.of("2026-01-05T15:00:00.123456789Z")),
                        new AccountDocument.Leg("stop", "p-2", "working", Optional.empty(), Optional.empty(),
                                Optional.empty()))),
                new AccountDocument.Bracket(null, "B", "short", null, null, 1.0, 2.0, null));
        List<AccountDocument.Position> positions = List.of(new AccountDocument.Position("AAPL", 10L, 100.01, -3.5),
                new AccountDocument.Position(null, null, null, null));
        List<AccountDocument.Account> accounts = List.of(
                new AccountDocument.Account("brokerbridge-paper-account", 2L, "USD", 7L, "p", 11L, 4L,
                        "2026-01-05T15:00:00Z", 1e12, "2026-01-05", -12.345, 1e12, positions, factors, brackets,
                        Optional.of(new AccountDocument.Trades(legs, orders, commissions))),
                new AccountDocument.Account("f", null, null, null, null, null, null, null, null, null, null, null,
                        List.of(), new TreeMap<>(), List.of(), Optional.empty()),
                new AccountDocument.Account("f", 1L, "EUR", 0L, "", 0L, 0L, "t", 0.0, "d", 0.0, 0.0, null, null, null,
                        Optional.of(new AccountDocument.Trades(new TreeMap<>(), List.of(), new TreeMap<>()))),
                new AccountDocument.Account("f", 1L, "EUR", 0L, "", 0L, 0L, "t", 0.0, "d", 0.0, 0.0, List.of(),
                        new TreeMap<>(), List.of(), Optional.of(new AccountDocument.Trades(null, null, null))),
                new AccountDocument.Account("f", 1L, "EUR", 0L, "", 0L, 0L, "t", 0.0, "d", 0.0, 0.0, List.of(),
                        new TreeMap<>(), List.of(), null));
        for (AccountDocument.Account a : accounts) {
            assertEquals(AccountDocument.writeLineBound(a), AccountDocument.writeLine(a));
            // the whole account file: the same writer with data binding's layout (two-space indents, "key": value)
            assertEquals(AccountDocument.writeBound(a), AccountDocument.write(a));
        }
    }
}
