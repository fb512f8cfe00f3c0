package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
