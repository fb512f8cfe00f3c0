package tech.brokerbridge.ai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.tck.AdvisorContract;

/** The decision contract, both sides of every limit. Setup prices: long 103 / stop 99 / target 111. */
class AnswerParserTest {
    private static final DecisionRequest LONG = AdvisorContract.strongLong("AAPL");
    private static final DecisionRequest SHORT = AdvisorContract.weakShort("TSLA"); // 48 / 50.5 / 43

    @Test
    void acceptsAMinimalAnswerAndAnAdjustedOne() {
        AnswerParser.Valid v = valid(LONG, "{\"decision\":\"reject\",\"conviction\":0,\"thesis_summary\":\"No.\"}");
        assertEquals(Advice.Verdict.REJECT, v.verdict());
        assertEquals(OptionalDouble.empty(), v.stop());
        AnswerParser.Valid adj = valid(LONG, "  {\"decision\":\"approve\",\"conviction\":1,\"thesis_summary\":\"Yes.\","
                + "\"entry_price\":102.5,\"stop_price\":100.0,\"target_price\":null}\n");
        assertEquals(OptionalDouble.of(102.5), adj.entry());
        assertEquals(OptionalDouble.of(100.0), adj.stop());
        assertEquals(OptionalDouble.empty(), adj.target());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|the answer is empty",
        "Here it is: {\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"x\"}|no text around it",
        "```json {\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"x\"} ```|no text around it",
        "{\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"x\"} {}|not valid JSON",
        "{\"decision\":\"approve\",\"decision\":\"reject\",\"conviction\":0.5,\"thesis_summary\":\"x\"}|not valid JSON",
        "{\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"x\",\"size\":100}|unexpected field",
        "{\"conviction\":0.5,\"thesis_summary\":\"x\"}|\"decision\" must be",
        "{\"decision\":\"APPROVE\",\"conviction\":0.5,\"thesis_summary\":\"x\"}|\"decision\" must be",
        "{\"decision\":\"approve\",\"thesis_summary\":\"x\"}|\"conviction\" must be",
        "{\"decision\":\"approve\",\"conviction\":1.01,\"thesis_summary\":\"x\"}|\"conviction\" must be",
        "{\"decision\":\"approve\",\"conviction\":-0.01,\"thesis_summary\":\"x\"}|\"conviction\" must be",
        "{\"decision\":\"approve\",\"conviction\":\"0.5\",\"thesis_summary\":\"x\"}|\"conviction\" must be",
        "{\"decision\":\"approve\",\"conviction\":0.5}|\"thesis_summary\" must be",
        "{\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"  \"}|\"thesis_summary\" must be",
        "{\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"a\\u0007b\"}|without control characters",
        "{\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"x\",\"stop_price\":\"99\"}|must be a positive number",
        "{\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"x\",\"stop_price\":-1}|must be a positive number",
        "[1,2]|exactly one JSON object",
    })
    void rejectsAnythingElseWithTheReason(String text, String reason) {
        AnswerParser.Invalid i = assertInstanceOf(AnswerParser.Invalid.class, AnswerParser.parse(text, LONG));
        assertTrue(i.reason().contains(reason), i.reason());
    }

    @Test
    void thesisUpTo600CharactersIsFineOneMoreIsNot() {
        String ok = "x".repeat(600);
        valid(LONG, "{\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"" + ok + "\"}");
        assertInvalid(LONG, "{\"decision\":\"approve\",\"conviction\":0.5,\"thesis_summary\":\"" + ok + "y\"}",
                "601 characters");
    }

    @Test
    void adjustedPricesStayWithin20PercentOfTheSetup() {
        // entry 103: 20 % is 20.6, so 123.6 is the edge; stop 99: 79.2 is the edge
        valid(LONG, withPrices("123.6", "null", "130"));
        assertInvalid(LONG, withPrices("123.7", "null", "130"), "more than 20% away");
        valid(LONG, withPrices("null", "79.2", "null"));
        assertInvalid(LONG, withPrices("null", "79.1", "null"), "more than 20% away");
        assertInvalid(LONG, withPrices("null", "null", "133.3"), "more than 20% away");
    }

    @Test
    void stopAndTargetStayOnTheRightSidesOfTheEntry() {
        assertInvalid(LONG, withPrices("null", "104", "null"), "stop (104.0) must be below the entry (103.0)");
        assertInvalid(LONG, withPrices("null", "103", "null"), "must be below");
        assertInvalid(LONG, withPrices("112", "null", "null"), "target (111.0) must be above the entry (112.0)");
        valid(LONG, withPrices("110.9", "null", "null"));
        // short: stop above, target below
        valid(SHORT, withPrices("null", "51", "44"));
        assertInvalid(SHORT, withPrices("null", "47.9", "null"), "must be above the entry");
        assertInvalid(SHORT, withPrices("null", "null", "48.5"), "must be below the entry");
    }

    private static String withPrices(String entry, String stop, String target) {
        return "{\"decision\":\"approve\",\"conviction\":0.6,\"thesis_summary\":\"t\",\"entry_price\":" + entry
                + ",\"stop_price\":" + stop + ",\"target_price\":" + target + "}";
    }

    private static AnswerParser.Valid valid(DecisionRequest r, String text) {
        AnswerParser.Parsed p = AnswerParser.parse(text, r);
        if (p instanceof AnswerParser.Invalid i) {
            throw new AssertionError("expected valid, got: " + i.reason());
        }
        return (AnswerParser.Valid) p;
    }

    private static void assertInvalid(DecisionRequest r, String text, String reason) {
        AnswerParser.Invalid i = assertInstanceOf(AnswerParser.Invalid.class, AnswerParser.parse(text, r));
        assertTrue(i.reason().contains(reason), i.reason());
    }
}
