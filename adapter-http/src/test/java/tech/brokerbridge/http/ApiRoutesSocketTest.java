package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.ports.desk.ActionResult;

/** The issue-3 API over a real socket: each route reaches the desk and maps its answer. */
class ApiRoutesSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "/api/proposals/" + StubDesk.ID;
    private final TestServer s = TestServer.start();

    @AfterEach
    void stop() {
        s.close();
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void proposalsReadApproveAndReject() throws Exception {
        JsonNode list = json(s.get("/api/proposals?status=pending&limit=10"), 200);
        assertEquals(StubDesk.ID, list.get("proposals").get(0).get("proposal_id").asText());
        assertEquals(5, json(s.get(P), 200).get("gates").size());
        assertEquals(404, s.get("/api/proposals/prp-ffffffffffff").statusCode());
        assertEquals(404, s.get("/api/proposals/../health").statusCode());
        assertEquals(400, s.get("/api/proposals?status=bogus").statusCode());

        assertEquals("approved", json(s.postJson(P + "/approve", "{\"quantity\":4}"), 200).get("status").asText());
        assertTrue(s.desk.calls.stream().anyMatch(c -> c.startsWith("approve " + StubDesk.ID + " Modification[quantity=OptionalLong[4]")));
        assertEquals("approved", json(s.post(P + "/approve", null, null), 200).get("status").asText());
        assertEquals("rejected", json(s.postJson(P + "/reject", "{\"reason\":\"no\"}"), 200).get("status").asText());

        s.desk.onApprove = (id, m) -> new ActionResult.Conflict("the kill switch is engaged");
        assertEquals("the kill switch is engaged",
                json(s.post(P + "/approve", null, null), 409).get("error").get("message").asText());
        s.desk.onApprove = (id, m) -> new ActionResult.GatesFailed(List.of(StubDesk.gate("max_open_trades", false, 5,
                5)));
        assertEquals("max_open_trades", json(s.postJson(P + "/approve", "{\"quantity\":100}"), 422).get("error")
                .get("gates").get(0).get("gate").asText());
        s.desk.onApprove = (id, m) -> new ActionResult.Invalid("stop_price", "stop must be below entry");
        assertEquals("stop_price", json(s.postJson(P + "/approve", "{\"stop_price\":181}"), 422).get("error")
                .get("field").asText());
        s.desk.onReject = (id, r) -> new ActionResult.NotFound(id);
        assertEquals(404, s.post(P + "/reject", null, null).statusCode());
    }

    @Test
    void anIdempotencyKeyHeaderReachesTheActionAndAPositionCloses() throws Exception {
        HttpResponse<String> r = s.send(java.net.http.HttpRequest.newBuilder(s.uri("/api/positions/AAPL/close"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "client-42")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"quantity\":3}")).build());
        assertEquals("close", json(r, 200).get("kind").asText());
        tech.brokerbridge.ports.desk.CloseRequest sent = (tech.brokerbridge.ports.desk.CloseRequest)
                s.desk.trades.requests.get(0);
        assertEquals(java.util.Optional.of("client-42"), sent.options().idempotencyKey());
        assertEquals(200, s.get("/api/positions").statusCode());
        assertEquals(200, s.get("/api/trades/summary").statusCode());
        assertEquals("text/csv; charset=utf-8", s.get("/api/trades.csv").headers().firstValue("Content-Type")
                .orElseThrow());
    }

    @Test
    void readOnlyViews() throws Exception {
        assertEquals("paper", json(s.get("/api/portfolio"), 200).get("broker").asText());
        assertEquals(1, json(s.get("/api/orders?limit=1"), 200).get("orders").size());
        assertEquals("2026-03-02", json(s.get("/api/decisions"), 200).get("date").asText());
        assertEquals(400, s.get("/api/decisions?date=03/02/2026").statusCode());
        assertEquals("rules", json(s.get("/api/ai/audit?limit=3"), 200).get("exchanges").get(0).get("provider")
                .asText());
        HttpResponse<String> csv = s.get("/api/journal/approvals.csv");
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(csv.body().startsWith("time,proposal_id,symbol,action,original_quantity,original_stop,"
                + "original_target,modified_quantity,modified_stop,modified_target,reason,channel,actor\r\n"));
        assertEquals("no-store", csv.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void scanLoopAndKillSwitch() throws Exception {
        assertEquals("scan-1", json(s.post("/api/scan", null, null), 200).get("scan_id").asText());
        assertTrue(json(s.post("/api/trading/start", null, null), 200).get("trading_loop_active").asBoolean());
        assertEquals(false, json(s.post("/api/trading/stop", null, null), 200).get("trading_loop_active").asBoolean());
        JsonNode k = json(s.postJson("/api/kill-switch", "{\"cancel_open_orders\":true,\"reason\":\"flash crash\"}"),
                200);
        assertEquals(3, k.get("cancelled_order_legs").asInt());
        assertEquals(409, s.post("/api/trading/start", null, null).statusCode());
        assertEquals(false, json(s.delete("/api/kill-switch"), 200).get("kill_switch_engaged").asBoolean());
        assertEquals(200, s.post("/api/trading/start", null, null).statusCode());
        assertEquals(List.of("scanNow", "startTrading", "stopTrading", "engageKillSwitch true flash crash",
                "startTrading", "releaseKillSwitch", "startTrading"), s.desk.calls);
    }
}
