package tech.brokerbridge.launcher.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.internal.msg.Outbound;

/**
 * Issue 13, the paper/live interlock and the account choice, through the real desk and its HTTP API
 * against a fake IB Gateway: a live account with {@code trading_mode=paper} is refused and no
 * placeOrder reaches the gateway; two accounts and no choice are refused; the chosen account is in
 * every order; the check runs again on a reconnect.
 */
class IbkrAccountDeskTest extends OnFakeGateway {
    private static final LocalDate LAST_BAR = LocalDate.of(2026, 11, 26);


    @BeforeEach
    void gatewayWithBars() throws Exception {
        gw.contracts.put("NVDA", 4815747);
        gw.bars.put("AAPL", BreakoutBars.ending(LAST_BAR, 300, 150.0));
        gw.bars.put("NVDA", BreakoutBars.ending(LAST_BAR, 300, 120.0));
        gw.start();
    }

    private JsonNode accountMode() throws Exception {
        return desk.get("/api/health").get("account_mode");
    }

    private JsonNode awaitAccountMode(String mode) throws Exception {
        return desk.await("/api/health", h -> h.get("account_mode").get("mode").asText().equals(mode),
                "account_mode " + mode).get("account_mode");
    }

    @Test
    void aLiveAccountWithTradingModePaperIsRefusedAndNoOrderReachesTheGateway() throws Exception {
        gw.accounts = List.of("U7654321");
        desk = IbkrDesk.start(home, gw.port(), "AAPL,NVDA");
        JsonNode mode = awaitAccountMode("live");
        assertEquals("U7***321", mode.get("account").asText());
        assertEquals("paper", mode.get("trading_mode").asText());
        assertFalse(mode.get("tradable").asBoolean());
        assertTrue(mode.get("reason").asText().contains("trading_mode is paper but U7***321 is a live (real-money)"
                + " account"), mode.toString());

        desk.post("/api/scan", "");
        String id = desk.pendingBySymbol().get("AAPL").get("proposal_id").asText();
        JsonNode error = IbkrDesk.error(desk.postRaw("/api/proposals/" + id + "/approve", "{}"), 409);
        assertEquals("account_mode_mismatch", error.get("code").asText());
        assertEquals(mode.get("reason").asText(), error.get("message").asText());
        assertEquals(0, gw.count(Outbound.PlaceOrder.class), "no placeOrder ever reaches the gateway");
        assertEquals("pending", desk.get("/api/proposals/" + id).get("status").asText());
        assertFalse(desk.get("/api/health").toString().contains("7654321"), "the account id is never shown in full");
    }

    @Test
    void twoAccountsAndNoChoiceAreRefused() throws Exception {
        desk = IbkrDesk.start(home, gw.port(), "AAPL");
        awaitAccountMode("paper");
        desk.post("/api/scan", "");
        String id = desk.pendingBySymbol().get("AAPL").get("proposal_id").asText(); // proposed on one account

        gw.accounts = List.of("DU1234567", "DU7654321"); // the login now manages two, and none is chosen
        gw.restart();
        IbkrDesk.awaitSessions(gw, 2);
        JsonNode mode = awaitAccountMode("unknown");
        assertFalse(mode.get("tradable").asBoolean());
        assertTrue(mode.get("reason").asText().contains("IB Gateway manages 2 accounts (DU****567, DU****321) and"
                + " ibkr.account names none"), mode.toString());
        JsonNode error = IbkrDesk.error(desk.postRaw("/api/proposals/" + id + "/approve", "{}"), 409);
        assertEquals("account_not_selected", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("DU****567, DU****321"), error.toString());
        assertEquals(0, gw.count(Outbound.PlaceOrder.class));
        JsonNode scan = desk.post("/api/scan", "");
        assertTrue(desk.pendingBySymbol().size() <= 1, "nothing new is sized against no account: " + scan);
    }

    @Test
    void theChosenAccountIsUsedInEveryOrder() throws Exception {
        gw.accounts = List.of("DU1234567", "DU7654321");
        desk = IbkrDesk.start(home, gw.port(), "AAPL,NVDA", Map.of("ibkr.account", "DU7654321"));
        assertEquals("DU****321", awaitAccountMode("paper").get("account").asText());
        desk.post("/api/scan", "");
        for (JsonNode p : desk.pendingBySymbol().values()) {
            desk.post("/api/proposals/" + p.get("proposal_id").asText() + "/approve", "{}");
        }
        List<Outbound.PlaceOrder> placed = gw.placedOrders();
        assertEquals(6, placed.size(), "two brackets");
        assertTrue(placed.stream().allMatch(o -> o.order().account().equals("DU7654321")), placed.toString());
    }

    @Test
    void theCheckRunsAgainOnEveryReconnect() throws Exception {
        desk = IbkrDesk.start(home, gw.port(), "AAPL");
        assertTrue(awaitAccountMode("paper").get("tradable").asBoolean());
        desk.post("/api/scan", "");
        String id = desk.pendingBySymbol().get("AAPL").get("proposal_id").asText();

        gw.accounts = List.of("U7654321"); // IB Gateway restarted, logged in to a live account
        gw.restart();
        IbkrDesk.awaitSessions(gw, 2);
        assertFalse(awaitAccountMode("live").get("tradable").asBoolean());
        assertEquals("account_mode_mismatch",
                IbkrDesk.error(desk.postRaw("/api/proposals/" + id + "/approve", "{}"), 409).get("code").asText());
        assertEquals(0, gw.count(Outbound.PlaceOrder.class));
    }
}
