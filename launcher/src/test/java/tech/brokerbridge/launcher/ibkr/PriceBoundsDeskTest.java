package tech.brokerbridge.launcher.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's sane prices through the real desk and its HTTP API: every bad price or quantity of a
 * modified approval (NaN, infinities, 0, negatives, huge values, off the tick, more than the account
 * can carry) is refused with 422 naming the field, and the proposal stays pending with nothing sent.
 */
class PriceBoundsDeskTest extends OnFakeGateway {

    @Test
    void everyBadPriceAndQuantityOfAModifiedApprovalIs422NamingTheField() throws Exception {
        BreakoutBars.writeCsv(home.resolve("bars"), "AAPL", BreakoutBars.ending(LocalDate.of(2026, 11, 26), 300, 150.0));
        gw.start();
        desk = IbkrDesk.start(home, gw.port(), "AAPL", Map.of("broker.kind", "paper", "paper.market_data", "csv",
                "paper.csv_folder", "bars"));
        desk.post("/api/scan", "");
        JsonNode p = desk.pendingBySymbol().get("AAPL");
        String approve = "/api/proposals/" + p.get("proposal_id").asText() + "/approve";
        double stop = p.get("stop_price").asDouble();
        String offTick = new BigDecimal(Double.toString(stop)).add(new BigDecimal("0.005")).toPlainString();
        Object[][] cases = {
            {"{\"stop_price\":1e308}", 422, "stop_price", "more than 25% away"},
            {"{\"target_price\":1e999}", 422, "target_price", "positive price"}, // JSON's 1e999 reads as +Infinity
            {"{\"stop_price\":-1e999}", 422, "stop_price", "positive price"},
            {"{\"stop_price\":0}", 422, "stop_price", "positive price"},
            {"{\"stop_price\":-" + stop + "}", 422, "stop_price", "positive price"},
            {"{\"stop_price\":0.0001}", 422, "stop_price", "more than 25% away"},
            {"{\"stop_price\":" + offTick + "}", 422, "stop_price", "not a multiple of AAPL's tick 0.01"},
            {"{\"quantity\":0}", 422, "quantity", "at least 1"},
            {"{\"quantity\":-5}", 422, "quantity", "at least 1"},
            {"{\"quantity\":9223372036854775807}", 422, "quantity", "buying power"},
            {"{\"stop_price\":\"NaN\"}", 400, "stop_price", ""},
        };
        for (Object[] c : cases) {
            HttpResponse<String> r = desk.postRaw(approve, (String) c[0]);
            JsonNode error = IbkrDesk.error(r, (int) c[1]);
            assertEquals(c[2], error.get("field").asText(), c[0] + " → " + r.body());
            assertTrue(error.get("message").asText().contains((String) c[3]), c[0] + " → " + r.body());
        }
        HttpResponse<String> nan = desk.postRaw(approve, "{\"stop_price\":NaN}");
        assertEquals(400, nan.statusCode(), "NaN is not JSON: " + nan.body());
        assertEquals("pending", desk.get("/api/proposals/" + p.get("proposal_id").asText()).get("status").asText());
        assertEquals(0, desk.get("/api/orders").get("orders").size(), "nothing was sent");

        JsonNode ok = desk.post(approve, "{\"stop_price\":" + BigDecimal.valueOf(stop).subtract(new BigDecimal("0.01"))
                .toPlainString() + "}");
        assertTrue(List.of("executing", "executed").contains(ok.get("status").asText()), ok.toString());
    }
}
