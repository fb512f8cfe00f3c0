package tech.brokerbridge.ai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.advisor.RiskMetrics;
import tech.brokerbridge.ports.advisor.SignalScores;
import tech.brokerbridge.ports.advisor.SuggestedPrices;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;

class DecisionJsonTest {
    @Test
    void writesExactlyTheRecordsFieldsInSnakeCase() throws Exception {
        DecisionRequest r = new DecisionRequest("MSFT", Direction.SHORT, "reversal",
                List.of(new Bar(Instant.parse("2026-11-02T00:00:00Z"), 410.5, 412.0, 405.25, 406.0, 2_000_000L)),
                new SignalScores(0.6, 0.7, 0.65), List.of(new Evidence("rsi_14", 74.2, "overbought")),
                new SuggestedPrices(405.0, 415.0, 385.0), new RiskMetrics(1.5, 2, 5, -0.25, 30.0, 4.5));
        String expected = "{\"symbol\":\"MSFT\",\"direction\":\"short\",\"setup_type\":\"reversal\","
                + "\"bars\":[{\"time\":\"2026-11-02T00:00:00Z\",\"open\":410.5,\"high\":412.0,\"low\":405.25,"
                + "\"close\":406.0,\"volume\":2000000}],"
                + "\"scores\":{\"evidence_strength\":0.6,\"setup_quality\":0.7,\"composite_score\":0.65},"
                + "\"evidence\":[{\"name\":\"rsi_14\",\"value\":74.2,\"note\":\"overbought\"}],"
                + "\"prices\":{\"entry\":405.0,\"stop\":415.0,\"target\":385.0},"
                + "\"risk\":{\"portfolio_heat_pct\":1.5,\"open_trades\":2,\"max_open_trades\":5,"
                + "\"daily_pnl_pct\":-0.25,\"long_exposure_pct\":30.0,\"short_exposure_pct\":4.5}}";
        assertEquals(expected, DecisionJson.write(r));
        JsonNode tree = new ObjectMapper().readTree(DecisionJson.write(r));
        Set<String> fields = new TreeSet<>();
        tree.fieldNames().forEachRemaining(fields::add);
        // one JSON field per DecisionRequest component, nothing more
        assertEquals(DecisionRequest.class.getRecordComponents().length, fields.size());
        assertEquals(Set.of("symbol", "direction", "setup_type", "bars", "scores", "evidence", "prices", "risk"), fields);
        assertEquals(RiskMetrics.class.getRecordComponents().length, tree.get("risk").size());
        assertEquals(SignalScores.class.getRecordComponents().length, tree.get("scores").size());
        assertEquals(Bar.class.getRecordComponents().length, tree.get("bars").get(0).size());
        assertEquals(Evidence.class.getRecordComponents().length, tree.get("evidence").get(0).size());
    }

    @Test
    void theSystemPromptIsFixedAndNamesTheContract() {
        String p = SystemPrompt.text();
        for (String field : List.of("\"decision\"", "\"conviction\"", "\"thesis_summary\"", "\"entry_price\"",
                "\"stop_price\"", "\"target_price\"", "600 characters", "20%")) {
            org.junit.jupiter.api.Assertions.assertTrue(p.contains(field), field);
        }
        assertEquals(p, SystemPrompt.text());
    }
}
