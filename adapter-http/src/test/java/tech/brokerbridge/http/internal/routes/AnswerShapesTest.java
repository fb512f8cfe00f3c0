package tech.brokerbridge.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.ports.setup.SetupConfig;

/**
 * The answers are records that Jackson writes with one naming policy, and they are, byte for byte,
 * the JSON the hand-built trees wrote before ({@code answers.golden}, captured from that code).
 */
class AnswerShapesTest {
    private final RouteCalls c = new RouteCalls();

    private static Map<String, String> golden() throws IOException {
        try (InputStream in = AnswerShapesTest.class.getResourceAsStream("answers.golden")) {
            assertNotNull(in, "answers.golden is missing");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                m.put(lines.get(i), lines.get(i + 1));
            }
            return m;
        }
    }

    @Test
    void theDesksAnswersAreUnchanged() throws IOException {
        Map<String, String> golden = golden();
        int checked = 0;
        for (Map.Entry<String, String> e : golden.entrySet()) {
            String[] request = e.getKey().split(" ", 3);
            if (request[1].startsWith("/api/setup/")) {
                continue;
            }
            String body = request[2].equals("null") ? null : request[2];
            assertEquals(e.getValue(), RouteCalls.text(c.call(request[0], request[1], body)), e.getKey());
            checked++;
        }
        assertTrue(checked >= 8, "golden answers checked: " + checked);
    }

    @Test
    void theSetupConfigurationShowsItsPresentMembersOnly() throws IOException {
        SetupConfig config = new SetupConfig(
                Optional.of(new SetupConfig.AiProvider(Optional.of("claude"), Optional.of("api_key"), Optional.empty())),
                Optional.of(new SetupConfig.Broker(Optional.of("ibkr"), Optional.of("127.0.0.1"), OptionalInt.of(4002),
                        OptionalInt.empty())),
                Optional.of(new SetupConfig.Risk(OptionalDouble.of(5.0), OptionalInt.of(5), OptionalDouble.empty(),
                        OptionalDouble.of(2.0), OptionalDouble.of(1.5), OptionalDouble.of(0.5))),
                Optional.of(new SetupConfig.Scoring(OptionalDouble.of(0.4), OptionalDouble.empty(),
                        OptionalDouble.of(0.25))),
                Optional.of("paper"), Optional.of(List.of("AAPL", "MSFT")), OptionalInt.of(5), OptionalInt.empty(),
                OptionalInt.of(30));
        assertEquals(golden().get("GET /api/setup/config null"),
                new String(Json.write(SetupConfigAnswer.of(config)), StandardCharsets.UTF_8));
        assertEquals("{}", new String(Json.write(SetupConfigAnswer.of(SetupConfig.empty())), StandardCharsets.UTF_8));
    }
}
