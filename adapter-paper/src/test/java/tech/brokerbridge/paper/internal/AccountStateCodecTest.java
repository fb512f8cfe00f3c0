package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.paper.internal.AccountState.BracketState;
import tech.brokerbridge.paper.internal.AccountState.Execution;
import tech.brokerbridge.paper.internal.AccountState.Holding;
import tech.brokerbridge.paper.internal.AccountState.LegState;
import tech.brokerbridge.paper.internal.AccountState.LegChange;
import tech.brokerbridge.paper.internal.AccountState.Ledger;
import tech.brokerbridge.paper.internal.AccountState.LoneOrderState;
import tech.brokerbridge.paper.internal.AccountState.TradeState;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

class AccountStateCodecTest {
    private static final Instant T = Instant.parse("2026-03-18T15:05:00Z");

    /** A long bracket still working, and a short one that went in and out at its target. */
    static AccountState sample() {
        BracketState working = new BracketState(new BracketOrder("prp-0123456789ab", "AAPL", Direction.LONG, 10, 99, 95, 105),
                List.of(leg(OrderLeg.ENTRY, "Pt1-1", OrderState.WORKING), leg(OrderLeg.STOP_LOSS, "Pt1-2", OrderState.PENDING),
                        leg(OrderLeg.TAKE_PROFIT, "Pt1-3", OrderState.PENDING)));
        BracketState closed = new BracketState(new BracketOrder("prp-ba9876543210", "BRK.B", Direction.SHORT, 3, 401.25, 420, 380),
                List.of(new LegState(OrderLeg.ENTRY, "Pt1-4", OrderState.FILLED, Optional.of(new Execution("Pt1-X1", 401.25, T))),
                        leg(OrderLeg.STOP_LOSS, "Pt1-5", OrderState.CANCELLED),
                        new LegState(OrderLeg.TAKE_PROFIT, "Pt1-6", OrderState.FILLED,
                                Optional.of(new Execution("Pt1-X2", 380, T.plusSeconds(300))))));
        Ledger ledger = new Ledger(100_063.75, LocalDate.parse("2026-03-18"), 63.75, 100_000,
                List.of(new Holding("MSFT", -7, 412.3399999999999, 0.1), new Holding("TSLA", 4, 1.0 / 3, -12.5)));
        return new AccountState("USD", -42, "Pt1-", 7, 3, T.plusSeconds(600), ledger,
                Map.of("AAPL", 0.9876543210123, "BRK.B", 1.0), List.of(working, closed));
    }

    /** {@link #sample()} after looking after its trades (two more orders, one more execution). */
    static AccountState sampleWithTrades() {
        AccountState s = sample();
        return new AccountState(s.currency(), s.seed(), s.idPrefix(), 9, 4, s.simulatedTime(), s.ledger(),
                s.priceFactors(), s.brackets(), trades());
    }

    /** The working bracket's stop moved up and trailing, a filled close and a working stand-alone stop. */
    private static TradeState trades() {
        return new TradeState(Map.of("Pt1-2", new LegChange(6, 97.5, Optional.of(TrailingStop.percent(1.5)))),
                List.of(new LoneOrderState("cls-0123456789ab", OrderLeg.CLOSE, "Pt1-7", "AAPL", Direction.LONG, 4, 0,
                                OrderState.FILLED, Optional.of(new Execution("Pt1-X3", 101.25, T.plusSeconds(60)))),
                        new LoneOrderState("stp-0123456789ab", OrderLeg.STOP_LOSS, "Pt1-8", "MSFT", Direction.SHORT,
                                7, 430.0, OrderState.WORKING, Optional.empty())),
                Map.of("Pt1-X1", 1.0, "Pt1-X3", 1.0));
    }

    private static LegState leg(OrderLeg leg, String id, OrderState state) {
        return new LegState(leg, id, state, Optional.empty());
    }

    @Test
    void anAccountComesBackExactly() {
        AccountState s = sampleWithTrades();
        String text = AccountStateCodec.encode(s);
        assertEquals(s, AccountStateCodec.decode(text));
        assertTrue(text.startsWith("{\n  \"format\": \"brokerbridge-paper-account\",\n  \"version\": 2,"), text);
        assertTrue(text.contains("\"executionId\": \"Pt1-X2\""), text);
        assertTrue(text.contains("\"kind\": \"percent\""), text);
    }

    @Test
    void aVersion1FileReadsWithNothingDoneToItsTrades() {
        AccountState untouched = sample();
        String v2 = AccountStateCodec.encode(untouched);
        String v1 = v2.replace("\"version\": 2", "\"version\": 1").substring(0, v2.indexOf(",\n  \"trades\"")) + "\n}\n";
        assertEquals(untouched, AccountStateCodec.decode(v1));
    }

    @Test
    void anEmptyAccountComesBack() {
        AccountState s = new AccountState("EUR", 7, "P-", 1, 1, T, new Ledger(5, LocalDate.parse("2026-01-01"), 0, 5,
                List.of()), Map.of(), List.of());
        assertEquals(s, AccountStateCodec.decode(AccountStateCodec.encode(s)));
    }

    @Test
    void refusesFilesItDidNotWrite() {
        String good = AccountStateCodec.encode(sampleWithTrades());
        List<Map.Entry<String, String>> edits = List.of(
                Map.entry("\"version\": 2", "\"version\": 3"),
                Map.entry("\"ref\": \"cls-0123456789ab\"", "\"ref\": \"prp-0123456789ab\""),
                Map.entry("\"ref\": \"stp-0123456789ab\"", "\"ref\": \"cls-0123456789ab\""),
                Map.entry("\"Pt1-X3\": 1.0", "\"Pt1-X9\": 1.0"),
                Map.entry("\"Pt1-2\": {", "\"Pt1-99\": {"),
                Map.entry("\"kind\": \"percent\"", "\"kind\": \"lots\""),
                Map.entry("brokerbridge-paper-account", "something-else"),
                Map.entry("\"seed\": -42,", "\"seed\": -42, \"extra\": true,"),
                Map.entry("\"currency\": \"USD\",", ""),
                Map.entry("\"state\": \"working\"", "\"state\": \"WORKING\""),
                Map.entry("\"state\": \"pending\"", "\"state\": \"filled\""),
                Map.entry("\"leg\": \"stop_loss\"", "\"leg\": \"take_profit\""),
                Map.entry("\"nextOrderId\": 9", "\"nextOrderId\": 8"),
                Map.entry("\"nextExecutionId\": 4", "\"nextExecutionId\": 3"),
                Map.entry("\"id\": \"Pt1-5\"", "\"id\": \"Pt1-4\""),
                Map.entry("\"orderRef\": \"prp-ba9876543210\"", "\"orderRef\": \"prp-0123456789ab\""),
                Map.entry("\"stopLoss\": 95.0", "\"stopLoss\": 100.0"),
                Map.entry("\"day\": \"2026-03-18\"", "\"day\": \"2026-02-30\""),
                Map.entry("\"simulatedTime\": \"2026-03-18T15:15:00Z\"", "\"simulatedTime\": \"yesterday\""),
                Map.entry("\"quantity\": -7", "\"quantity\": 0"),
                Map.entry("\"symbol\": \"TSLA\"", "\"symbol\": \"MSFT\""),
                Map.entry("\"AAPL\": 0.9876543210123", "\"AAPL\": -1.0"),
                Map.entry("\"cash\": 100063.75", "\"cash\": \"lots\""),
                Map.entry("\"fillPrice\": 380.0,", ""),
                // each member of its own JSON type, present, known and not null
                Map.entry("\"seed\": -42", "\"seed\": \"-42\""),
                Map.entry("\"seed\": -42", "\"seed\": -42.5"),
                Map.entry("\"seed\": -42", "\"seed\": null"),
                Map.entry("\"currency\": \"USD\"", "\"currency\": 840"),
                Map.entry("\"cash\": 100063.75", "\"cash\": 1e400"),
                Map.entry("\"cash\": 100063.75", "\"cash\": true"),
                Map.entry("\"id\": \"Pt1-2\",", ""),
                Map.entry("\"id\": \"Pt1-2\",", "\"id\": \"Pt1-2\", \"note\": \"x\","),
                Map.entry("\"positions\": [", "\"positions\": [null, "),
                Map.entry("\"AAPL\": 0.9876543210123", "\"AAPL\": null"),
                Map.entry("\"state\": \"cancelled\"", "\"state\": \"cancelled\", \"fillPrice\": 1.0"));
        edits.forEach(edit -> {
            String from = edit.getKey();
            String to = edit.getValue();
            assertTrue(good.contains(from), "the sample holds " + from);
            String bad = good.replace(from, to);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountStateCodec.decode(bad),
                    from + " -> " + to);
            assertTrue(!e.getMessage().isBlank(), "a reason");
        });
    }

    @Test
    void saysWhatIsWrong() {
        String good = AccountStateCodec.encode(sample());
        assertEquals("leg 0 of bracket prp-0123456789ab: unknown OrderState \"bogus\"", assertThrows(
                IllegalArgumentException.class, () -> AccountStateCodec.decode(good.replace("\"working\"", "\"bogus\"")))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AccountStateCodec.decode(
                good.replace("\"version\": 2", "\"version\": 9"))).getMessage().contains("newer BrokerBridge"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AccountStateCodec.decode(
                good.substring(0, good.length() / 2))).getMessage().startsWith("JSON syntax error"));
    }
}
