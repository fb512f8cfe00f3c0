package tech.brokerbridge.launcher.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user reads on the first start and the next: true, said once, counted right (issue 10.7). */
class FirstStartMessagesTest {
    @TempDir
    Path home;

    @Test
    void theFirstStartSaysTheEvaluationStartedAndTheNextOneHowLongIsLeft() throws Exception {
        List<String> first;
        try (LogCapture log = new LogCapture(); RunningDesk d = RunningDesk.start(home, Map.of())) {
            first = log.lines();
            JsonNode license = d.getJson("/api/license");
            assertTrue(license.get("reason").asText().startsWith("evaluation: paper trading only; 14 days left"),
                    "day one of a 14-day evaluation: " + license);
            JsonNode s = d.getJson("/api/setup/status");
            assertTrue(s.get("complete").asBoolean(), s.toString());
        }
        String all = String.join("\n", first);
        assertEquals(1, first.stream().filter(l -> l.contains("evaluation started: 14 days, paper only")).count(), all);
        assertFalse(all.contains("invalid -> evaluation"), "the desk was never invalid: " + all);
        assertFalse(all.contains("evaluation: evaluation:"), all);

        try (LogCapture log = new LogCapture(); RunningDesk d = RunningDesk.start(home, Map.of())) {
            String again = String.join("\n", log.lines());
            assertFalse(again.contains("evaluation started"), "it started before: " + again);
            assertTrue(again.contains("license evaluation: paper trading only; 14 days left"), again);
            assertFalse(again.contains("invalid -> evaluation"), again);
        }
    }
}
