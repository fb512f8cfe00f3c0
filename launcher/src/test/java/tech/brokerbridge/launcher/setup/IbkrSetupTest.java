package tech.brokerbridge.launcher.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ibkr.fake.FakeGateway;

/** The IB parts of the setup API against adapter-ibkr's fake IB Gateway (the TWS socket protocol on loopback). */
class IbkrSetupTest {
    @TempDir
    Path home;
    private final FakeGateway gw = new FakeGateway();

    @AfterEach
    void stop() {
        gw.close();
    }

    private static JsonNode awaitIbkr(RunningDesk d, String state) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode s = d.getJson("/api/credentials/status");
        while (!s.get("providers").get("ibkr").asText().equals(state)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ibkr not " + state + " within 10 s: " + s);
            }
            Thread.sleep(25);
            s = d.getJson("/api/credentials/status");
        }
        return s;
    }

    @Test
    void theConnectionTestHandshakesWithTheGatewayAndMasksTheAccounts() throws Exception {
        gw.start();
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode r = d.json(d.post("/api/credentials/ibkr/test", "{\"host\":\"127.0.0.1\",\"port\":" + gw.port()
                    + ",\"client_id\":42}"), 200);
            assertTrue(r.get("ok").asBoolean(), r.toString());
            assertTrue(r.get("server_version").asInt() >= 157, r.toString());
            assertEquals(1, r.get("accounts").size());
            assertFalse(r.toString().contains("DU1234567"), "account ids are masked: " + r);
            assertEquals("paper", r.get("account_modes").get("DU****567").asText(), "the account mode it found: " + r);
            assertEquals("missing", d.getJson("/api/credentials/status").get("providers").get("ibkr").asText(),
                    "the paper desk does not use IB");
        }
    }

    @Test
    void onTheIbBrokerTheStateFollowsTheConnection() throws Exception {
        gw.start();
        try (RunningDesk d = RunningDesk.start(home, Map.of("BROKERBRIDGE_BROKER", "ibkr", "BROKERBRIDGE_IBKR_PORT",
                Integer.toString(gw.port()), "BROKERBRIDGE_IBKR_CLIENT_ID", "7"))) {
            assertEquals("connected to IB Gateway", awaitIbkr(d, "connected").get("messages").get("ibkr").asText());
            gw.stop();
            assertFalse(awaitIbkr(d, "error").get("messages").get("ibkr").asText().isBlank());
        }
    }
}
