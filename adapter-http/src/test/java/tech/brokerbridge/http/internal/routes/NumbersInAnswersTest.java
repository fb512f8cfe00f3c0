package tech.brokerbridge.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.desk.Portfolio;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;

/**
 * Issue 10.8: money to the cent, prices to the tick, scores to two decimals, gate figures and
 * evidence to four; never binary-float noise, never {@code -0.0}, never an exponent.
 */
class NumbersInAnswersTest {
    private static final Instant T = StubDesk.T0;

    private static String json(Object answer) {
        return new String(Json.write(answer), StandardCharsets.UTF_8);
    }

    private static void assertHas(String json, String... fragments) {
        for (String f : fragments) {
            assertTrue(json.contains(f), () -> "missing " + f + " in " + json);
        }
        assertFalse(json.contains("-0.0,") || json.contains("-0.0}") || json.contains("E-") || json.contains("E7"),
                json);
    }

    @Test
    void moneyIsToTheCentAndNeverNegativeZero() {
        AccountSnapshot a = new AccountSnapshot("USD", 12_345_678.901, 4976.400000000001, 0.1 + 0.2, 99_999.995, -0.0,
                -0.001, -12.345, T);
        Position p = new Position("PENNY", -3, 0.123456, 0.10000000000000002, -0.0, 1e-9);
        String j = json(PortfolioAnswer.of(new Portfolio("paper", a, List.of(p))));
        assertHas(j, "\"net_liquidation\":12345678.9,", "\"cash\":4976.4,", "\"buying_power\":0.3,",
                "\"available_funds\":100000.0,", "\"unrealized_pnl\":0.0,", "\"realized_pnl_today\":0.0,",
                "\"daily_pnl\":-12.35,", "\"average_cost\":0.1235,", "\"market_price\":0.1,",
                "\"market_value\":-0.3,", "\"realized_pnl\":0.0}");
    }

    @Test
    void pricesAreToTheTickAndScoresToTwoDecimals() {
        Map<String, Double> compared = new LinkedHashMap<>();
        compared.put("position_value", 4976.400000000001);
        compared.put("heat_pct", 0.49760000000000004);
        compared.put("working_orders", 0.0);
        GateResult gate = new GateResult("position_size", true, compared, "within");
        Proposal p = new Proposal("prp-0123456789ab", "AAPL", Direction.LONG, "breakout", 0.7250000000000001, 0.8715,
                99.99000000000001, 95.0, 412.3399999999999, 50, "thesis", List.of(gate), T, T, ProposalStatus.PENDING,
                List.of());
        assertHas(json(ProposalAnswer.of(p)), "\"conviction\":0.73,", "\"composite_score\":0.87,",
                "\"entry_price\":99.99,", "\"stop_price\":95.0,", "\"target_price\":412.34,",
                "\"compared\":{\"position_value\":4976.4,\"heat_pct\":0.4976,\"working_orders\":0.0}");
        OrderRecord o = new OrderRecord("prp-0123456789ab", "AAPL", Direction.LONG, 50, 99.99000000000001, 0.5000000001,
                1e7, OrderRecord.State.ACCEPTED, List.of(), "ok", T, T);
        OrderView leg = new OrderView("7", "prp-0123456789ab", OrderLeg.STOP_LOSS, "AAPL", Direction.LONG, 50,
                0.5000000001, OrderState.WORKING, 0, 0.0, Optional.of(TrailingStop.percent(1.2500000001)));
        assertHas(json(OrderAnswer.of(new BracketView(o, List.of(leg), BracketView.State.WORKING, Optional.empty()))),
                "\"entry_price\":99.99,", "\"stop_price\":0.5,", "\"target_price\":10000000.0,",
                "\"price\":0.5,", "\"trailing\":{\"kind\":\"percent\",\"value\":1.25}");
    }

    @Test
    void decisionScoresAndEvidence() {
        DecisionRecord d = new DecisionRecord("dec-1", T, "scan-1", "AAPL", Direction.LONG, "breakout",
                List.of(new Evidence("rsi_14", 63.49999999999999, ""), new Evidence("slope", 0.00012, "")),
                0.7234, 0.705, 0.79150000000000001, "proposed", "ok", Optional.of("approve"), OptionalDouble.of(0.8166),
                Optional.of("t"), List.of(), Optional.empty());
        assertHas(json(DecisionAnswer.of(d)), "\"value\":63.5,", "\"value\":0.0001,", "\"evidence_strength\":0.72,",
                "\"setup_quality\":0.71,", "\"composite_score\":0.79,", "\"ai_conviction\":0.82,");
        DecisionRecord none = new DecisionRecord("dec-2", T, "scan-1", "AAPL", Direction.LONG, "breakout", List.of(),
                0.5, 0.5, 0.5, "ai_unreachable", "down", Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                List.of(), Optional.empty());
        assertHas(json(DecisionAnswer.of(none)), "\"ai_conviction\":null,");
    }

    @Test
    void theApprovalsCsvWritesPricesToTheTick() {
        ApprovalRecord a = new ApprovalRecord(T, "prp-0123456789ab", "AAPL", ApprovalRecord.Action.MODIFY,
                10, 95.00000000000001, 105.0, OptionalLong.of(5), OptionalDouble.of(96.12999999999999),
                OptionalDouble.empty(), "");
        String row = ApprovalsCsv.write(List.of(a)).split("\r\n")[1];
        assertEquals("2026-03-02T14:30:00Z,prp-0123456789ab,AAPL,modify,10,95.0,105.0,5,96.13,,,api,", row);
    }

    @Test
    void aiLatencyKeepsItsMilliseconds() {
        var x = new tech.brokerbridge.ports.advisor.AiExchange(T, "p", "m", "u", "{}", 200, "{}",
                Duration.ofNanos(3_456_789), OptionalLong.empty(), OptionalLong.of(7));
        assertHas(json(AiExchangeAnswer.of(x)), "\"latency_ms\":3.456789,", "\"input_tokens\":null,",
                "\"output_tokens\":7,");
    }
}
