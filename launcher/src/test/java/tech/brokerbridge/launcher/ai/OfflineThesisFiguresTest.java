package tech.brokerbridge.launcher.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10.8: the offline advisor's thesis quotes the figures the decision and the proposal store
 * and the API shows (a decision once stored composite 0.8715 under a thesis saying "composite
 * 0.79": the desk recomputed the composite after the advisor had judged it).
 */
class OfflineThesisFiguresTest {
    private static final Pattern FIGURES = Pattern.compile(
            "composite (\\d\\.\\d\\d), setup quality (\\d\\.\\d\\d), evidence strength (\\d\\.\\d\\d)");

    @TempDir
    Path home;

    @Test
    void theThesisQuotesTheStoredScores() throws Exception {
        try (TestDesk desk = TestDesk.start(home, Map.of(), Map.of())) {
            JsonNode scan = desk.scan();
            List<JsonNode> judged = new ArrayList<>();
            scan.path("decisions").forEach(d -> {
                if (d.hasNonNull("thesis_summary")) {
                    judged.add(d);
                }
            });
            assertFalse(judged.isEmpty(), "the advisor judged something: " + TestDesk.outcomes(scan));
            for (JsonNode d : judged) {
                Matcher m = FIGURES.matcher(d.path("thesis_summary").asText());
                assertTrue(m.find(), d.toString());
                assertSame(m.group(1), d.path("composite_score"), d);
                assertSame(m.group(2), d.path("setup_quality"), d);
                assertSame(m.group(3), d.path("evidence_strength"), d);
            }
            List<JsonNode> proposals = desk.pendingProposals();
            assertFalse(proposals.isEmpty(), "a first scan proposes: " + TestDesk.outcomes(scan));
            for (JsonNode p : proposals) {
                Matcher m = FIGURES.matcher(p.path("thesis_summary").asText());
                assertTrue(m.find(), p.toString());
                assertSame(m.group(1), p.path("composite_score"), p);
            }
        }
    }

    /** The thesis's figure and the answer's are the same number (0.70 is 0.7). */
    private static void assertSame(String quoted, JsonNode shown, JsonNode answer) {
        assertEquals(0, new BigDecimal(quoted).compareTo(shown.decimalValue()), () -> quoted + " vs " + shown + " in "
                + answer);
    }
}
