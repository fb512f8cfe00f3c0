package tech.brokerbridge.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.ports.journal.ApprovalRecord;

class JournalAndTradingRoutesTest {
    private final RouteCalls c = new RouteCalls();

    @Test
    void healthHasTheDocumentedShape() {
        JsonNode h = RouteCalls.json(c.call("GET", "/api/health", null));
        assertEquals("ok", h.get("status").asText());
        assertEquals("1.2.3-test", h.get("version").asText());
        assertEquals(false, h.get("trading_loop_active").asBoolean());
        assertEquals(false, h.get("kill_switch_engaged").asBoolean());
        JsonNode s = h.get("services");
        assertEquals("healthy", s.get("api").asText());
        assertEquals("paper", s.get("broker").get("name").asText());
        assertTrue(s.get("broker").get("connected").asBoolean());
        assertEquals("rules", s.get("ai").get("provider").asText());
        assertEquals("evaluation", s.get("license").get("status").asText());
        assertEquals("encrypted-file", s.get("secrets").get("backend").asText());
        assertTrue(s.get("secrets").has("warning"));
    }

    @Test
    void healthAlwaysShowsTheDesksCurrentState() {
        assertEquals(false, RouteCalls.json(c.call("GET", "/api/health", null)).get("trading_loop_active").asBoolean());
        c.desk.health = StubDesk.health(true, true);
        JsonNode h = RouteCalls.json(c.call("GET", "/api/health", null));
        assertEquals(true, h.get("trading_loop_active").asBoolean());
        assertEquals(true, h.get("kill_switch_engaged").asBoolean());
        c.desk.health = StubDesk.health(false, false);
        assertEquals(false, RouteCalls.json(c.call("GET", "/api/health", null)).get("kill_switch_engaged").asBoolean());
    }

    @Test
    void licenseShowsStateAndMode() {
        JsonNode l = RouteCalls.json(c.call("GET", "/api/license", null));
        assertEquals("evaluation", l.get("status").asText());
        assertEquals("paper", l.get("mode").asText());
        assertEquals("evaluation: 14 days left", l.get("reason").asText());
        assertTrue(l.get("grace_until").isNull());
        assertEquals("2026-03-02T14:30:00Z", l.get("last_checked_at").asText());
        assertEquals("inst-abc123", l.get("installation_id").asText());
    }

    @Test
    void portfolioOrdersDecisionsAndAudit() {
        JsonNode p = RouteCalls.json(c.call("GET", "/api/portfolio", null));
        assertEquals(100_000, p.get("account").get("net_liquidation").asDouble());
        assertEquals("AAPL", p.get("positions").get(0).get("symbol").asText());
        assertEquals(1850.0, p.get("positions").get(0).get("market_value").asDouble());

        JsonNode o = RouteCalls.json(c.call("GET", "/api/orders?limit=5", null));
        assertEquals("accepted", o.get("orders").get(0).get("state").asText());
        assertTrue(c.desk.calls.contains("orders 5"));

        JsonNode d = RouteCalls.json(c.call("GET", "/api/decisions", null));
        assertEquals("2026-03-02", d.get("date").asText());
        assertTrue(c.desk.calls.contains("decisions 2026-03-02"));
        assertEquals("rsi_14", d.get("decisions").get(0).get("evidence").get(0).get("name").asText());
        c.call("GET", "/api/decisions?date=2026-02-27", null);
        assertTrue(c.desk.calls.contains("decisions 2026-02-27"));

        JsonNode a = RouteCalls.json(c.call("GET", "/api/ai/audit?limit=2", null));
        JsonNode x = a.get("exchanges").get(0);
        assertEquals("{\"symbol\":\"AAPL\"}", x.get("request_body").asText());
        assertEquals(3.0, x.get("latency_ms").asDouble());
        assertTrue(x.get("input_tokens").isNull());
        assertTrue(c.desk.calls.contains("aiAudit 2"));

        JsonNode n = RouteCalls.json(c.call("GET", "/api/notifications/audit?limit=3", null));
        assertEquals("sent", n.get("exchanges").get(0).get("outcome").asText());
        assertEquals("ntfy.example.org", n.get("exchanges").get(0).get("destination").asText());
        assertTrue(c.desk.calls.contains("notificationAudit 3"));
    }

    @Test
    void notificationTestNamesAnUnknownOrUnconfiguredChannel() {
        JsonNode t = RouteCalls.json(c.call("POST", "/api/notifications/test", "{\"channel\":\"ntfy\"}"));
        assertTrue(t.get("results").get(0).get("delivered").asBoolean());
        assertEquals(422, c.call("POST", "/api/notifications/test", "{\"channel\":\"fax\"}").status());
        assertEquals(404, c.call("POST", "/api/notifications/test", "{\"channel\":\"email\"}").status());
        assertTrue(c.desk.calls.contains("testNotifications email"));
    }

    @Test
    void approvalsCsvQuotesPerRfc4180() {
        c.desk.approvals = List.of(
                new ApprovalRecord(Instant.parse("2026-03-02T15:00:00Z"), StubDesk.ID, "AAPL",
                        ApprovalRecord.Action.MODIFY, 10, 175.0, 195.0, OptionalLong.of(8), OptionalDouble.of(176.5),
                        OptionalDouble.empty(), ""),
                new ApprovalRecord(Instant.parse("2026-03-02T15:01:00Z"), "prp-aaaaaaaaaaaa", "MSFT",
                        ApprovalRecord.Action.REJECT, 5, 400.0, 440.0, OptionalLong.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), "too \"hot\", earnings\nnext week", "telegram", "123456789"),
                new ApprovalRecord(Instant.parse("2026-03-02T15:02:00Z"), "prp-bbbbbbbbbbbb", "T",
                        ApprovalRecord.Action.REJECT, 5, 20.0, 25.0, OptionalLong.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), "=HYPERLINK(\"x\")"));
        ApiResponse r = c.call("GET", "/api/journal/approvals.csv", null);
        assertEquals("text/csv; charset=utf-8", r.contentType());
        assertEquals(ApprovalsCsv.HEADER + "\r\n"
                + "2026-03-02T15:00:00Z," + StubDesk.ID + ",AAPL,modify,10,175.0,195.0,8,176.5,,,api,\r\n"
                + "2026-03-02T15:01:00Z,prp-aaaaaaaaaaaa,MSFT,reject,5,400.0,440.0,,,,"
                + "\"too \"\"hot\"\", earnings\nnext week\",telegram,123456789\r\n"
                + "2026-03-02T15:02:00Z,prp-bbbbbbbbbbbb,T,reject,5,20.0,25.0,,,,\"'=HYPERLINK(\"\"x\"\")\",api,\r\n",
                RouteCalls.text(r));
    }

    @Test
    void scanTradingLoopAndKillSwitch() {
        JsonNode scan = RouteCalls.json(c.call("POST", "/api/scan", null));
        assertEquals("scan-1", scan.get("scan_id").asText());
        assertEquals("proposed", scan.get("decisions").get(0).get("outcome").asText());
        assertEquals("ZZZ: no bars", scan.get("errors").get(0).asText());
        assertEquals("simulated", scan.get("market_data").get("source").asText(), "the scan names its price source");
        assertTrue(scan.get("market_data").get("simulated").asBoolean());

        assertTrue(RouteCalls.json(c.call("POST", "/api/trading/start", null)).get("trading_loop_active").asBoolean());
        assertTrue(c.desk.loop);
        c.call("POST", "/api/trading/stop", null);
        assertTrue(!c.desk.loop);

        JsonNode k = RouteCalls.json(c.call("POST", "/api/kill-switch", "{\"cancel_open_orders\":true,\"reason\":\"news\"}"));
        assertTrue(k.get("kill_switch_engaged").asBoolean());
        assertEquals(3, k.get("cancelled_order_legs").asInt());
        assertTrue(c.desk.calls.contains("engageKillSwitch true news"));
        ApiResponse refused = c.call("POST", "/api/trading/start", null);
        assertEquals(409, refused.status());
        c.call("DELETE", "/api/kill-switch", null);
        assertTrue(!c.desk.killSwitch);

        c.call("POST", "/api/kill-switch", null);
        assertTrue(c.desk.calls.contains("engageKillSwitch false " + TradingRoutes.DEFAULT_KILL_REASON));
        ApiResponse wrongType = c.call("POST", "/api/kill-switch", "{\"cancel_open_orders\":\"yes\"}");
        assertEquals(400, wrongType.status());
        assertEquals("cancel_open_orders", RouteCalls.json(wrongType).get("error").get("field").asText());
    }
}
