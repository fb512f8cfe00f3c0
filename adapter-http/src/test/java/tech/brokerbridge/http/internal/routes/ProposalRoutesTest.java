package tech.brokerbridge.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.journal.ProposalStatus;

class ProposalRoutesTest {
    private final RouteCalls c = new RouteCalls();
    private static final String BASE = "/api/proposals/" + StubDesk.ID;

    @Test
    void oneProposalIsShownInFull() {
        JsonNode p = RouteCalls.json(c.call("GET", BASE, null));
        assertEquals(StubDesk.ID, p.get("proposal_id").asText());
        assertEquals("long", p.get("direction").asText());
        assertEquals("pending", p.get("status").asText());
        assertEquals(10, p.get("quantity").asLong());
        assertEquals(175.0, p.get("stop_price").asDouble());
        assertEquals(5, p.get("gates").size());
        JsonNode g = p.get("gates").get(0);
        assertEquals("max_position_size_pct", g.get("gate").asText());
        assertEquals(1.8, g.get("compared").get("value").asDouble());
        assertEquals(5.0, g.get("compared").get("limit").asDouble());
        JsonNode h = p.get("history").get(0);
        assertTrue(h.get("from").isNull());
        assertEquals("pending", h.get("to").asText());
        assertEquals("2026-03-02T15:00:00Z", p.get("expires_at").asText());
    }

    @Test
    void idsOfTheWrongShapeAre404WithoutAskingTheDesk() {
        for (String id : new String[] {"prp-0123456789AB", "prp-123", "x", "prp-0123456789abc", "PRP-0123456789ab"}) {
            assertEquals(404, c.call("GET", "/api/proposals/" + id, null).status(), id);
            assertEquals(404, c.call("POST", "/api/proposals/" + id + "/approve", null).status(), id);
        }
        assertTrue(c.desk.calls.isEmpty(), c.desk.calls.toString());
        assertEquals(404, c.call("GET", "/api/proposals/prp-aaaaaaaaaaaa", null).status());
    }

    @Test
    void listPassesTheQueryAndShowsTheCursor() {
        JsonNode r = RouteCalls.json(c.call("GET", "/api/proposals?status=pending&date=2026-03-01&limit=7&cursor=abc",
                null));
        assertEquals(Optional.of(ProposalStatus.PENDING), c.desk.lastQuery.status());
        assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), c.desk.lastQuery.date());
        assertEquals(7, c.desk.lastQuery.limit());
        assertEquals(Optional.of("abc"), c.desk.lastQuery.cursor());
        assertEquals(1, r.get("proposals").size());
        assertEquals("c-2", r.get("next_cursor").asText());
        c.call("GET", "/api/proposals", null);
        assertEquals(ProposalRoutes.DEFAULT_LIMIT, c.desk.lastQuery.limit());
    }

    @Test
    void badQueryValuesAre400NamingTheParameter() {
        String[][] cases = {{"status=open", "status"}, {"date=2026-13-01", "date"}, {"date=yesterday", "date"},
            {"limit=0", "limit"}, {"limit=501", "limit"}, {"limit=ten", "limit"}, {"limit=-1", "limit"},
            {"status=pending&status=rejected", "status"}};
        for (String[] cs : cases) {
            ApiResponse r = c.call("GET", "/api/proposals?" + cs[0], null);
            assertEquals(400, r.status(), cs[0]);
            assertEquals(cs[1], RouteCalls.json(r).get("error").get("field").asText(), cs[0]);
        }
    }

    @Test
    void approveAsIsAndModified() {
        ApiResponse asIs = c.call("POST", BASE + "/approve", null);
        assertEquals(200, asIs.status());
        assertEquals("approved", RouteCalls.json(asIs).get("status").asText());
        assertEquals("approve " + StubDesk.ID + " " + Modification.none(), c.desk.calls.get(0));

        c.call("POST", BASE + "/approve", "{\"quantity\":5,\"stop_price\":176.5,\"target_price\":null}");
        assertEquals("approve " + StubDesk.ID + " " + new Modification(OptionalLong.of(5), OptionalDouble.of(176.5),
                OptionalDouble.empty()), c.desk.calls.get(1));
    }

    @Test
    void approveBodyValuesAreChecked() {
        String[][] cases = {{"{\"quantity\":0}", "422", "quantity"}, {"{\"stop_price\":-1}", "422", "stop_price"},
            {"{\"target_price\":0}", "422", "target_price"}, {"{\"quantity\":\"5\"}", "400", "quantity"},
            {"{\"qty\":5}", "400", "qty"}};
        for (String[] cs : cases) {
            ApiResponse r = c.call("POST", BASE + "/approve", cs[0]);
            assertEquals(Integer.parseInt(cs[1]), r.status(), cs[0]);
            assertEquals(cs[2], RouteCalls.json(r).get("error").get("field").asText(), cs[0]);
        }
        assertTrue(c.desk.calls.isEmpty());
    }

    @Test
    void everyActionResultHasItsStatus() {
        c.desk.onApprove = (id, m) -> new ActionResult.Conflict("proposal is expired");
        ApiResponse conflict = c.call("POST", BASE + "/approve", null);
        assertEquals(409, conflict.status());
        assertEquals("proposal is expired", RouteCalls.json(conflict).get("error").get("message").asText());
        assertEquals("conflict", RouteCalls.json(conflict).get("error").get("code").asText());

        c.desk.onApprove = (id, m) -> new ActionResult.Conflict("account_mode_mismatch",
                "trading_mode is paper but U1****890 is a live (real-money) account");
        ApiResponse mismatch = c.call("POST", BASE + "/approve", null);
        assertEquals(409, mismatch.status());
        JsonNode why = RouteCalls.json(mismatch).get("error");
        assertEquals("account_mode_mismatch", why.get("code").asText(), "the conflict's own code");
        assertTrue(why.get("message").asText().contains("U1****890"));

        c.desk.onApprove = (id, m) -> new ActionResult.GatesFailed(List.of(StubDesk.gate("max_portfolio_heat_pct",
                false, 7.5, 6.0), StubDesk.gate("trade_sanity", true, 2.0, 1.5)));
        ApiResponse gates = c.call("POST", BASE + "/approve", "{\"stop_price\":150}");
        assertEquals(422, gates.status());
        JsonNode err = RouteCalls.json(gates).get("error");
        assertEquals("gates_failed", err.get("code").asText());
        assertFalse(err.get("gates").get(0).get("passed").asBoolean());
        assertEquals(7.5, err.get("gates").get(0).get("compared").get("value").asDouble());

        c.desk.onApprove = (id, m) -> new ActionResult.Invalid("target_price", "target must be above entry");
        ApiResponse invalid = c.call("POST", BASE + "/approve", null);
        assertEquals(422, invalid.status());
        assertEquals("target_price", RouteCalls.json(invalid).get("error").get("field").asText());

        c.desk.onApprove = (id, m) -> new ActionResult.NotFound(id);
        assertEquals(404, c.call("POST", BASE + "/approve", null).status());
    }

    @Test
    void rejectWithAndWithoutReason() {
        ApiResponse r = c.call("POST", BASE + "/reject", "{\"reason\":\"  earnings tomorrow \"}");
        assertEquals(200, r.status());
        assertEquals("rejected", RouteCalls.json(r).get("status").asText());
        assertEquals("reject " + StubDesk.ID + " Optional[earnings tomorrow]", c.desk.calls.get(0));
        c.call("POST", BASE + "/reject", "null");
        assertEquals("reject " + StubDesk.ID + " Optional.empty", c.desk.calls.get(1));
        ApiResponse tooLong = c.call("POST", BASE + "/reject", "{\"reason\":\"" + "x".repeat(2001) + "\"}");
        assertEquals(422, tooLong.status());
    }
}
