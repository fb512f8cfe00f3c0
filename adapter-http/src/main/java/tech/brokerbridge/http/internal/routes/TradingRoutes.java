package tech.brokerbridge.http.internal.routes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.JsonBody;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.TradingDesk;

/** Scan now, the trading loop and the kill switch. All may block. */
final class TradingRoutes {
    static final String DEFAULT_KILL_REASON = "engaged through the API";

    private final TradingDesk desk;

    private TradingRoutes(TradingDesk desk) {
        this.desk = desk;
    }

    static void register(Router.Builder b, TradingDesk desk) {
        TradingRoutes r = new TradingRoutes(desk);
        b.route("POST", "/api/scan").blocking().to(x -> ApiResponse.ok(DeskJson.scan(desk.scanNow())));
        b.route("POST", "/api/trading/start").blocking().to(r::start);
        b.route("POST", "/api/trading/stop").blocking().to(r::stop);
        b.route("POST", "/api/kill-switch").blocking().takesBody().to(r::engage);
        b.route("DELETE", "/api/kill-switch").blocking().to(r::release);
    }

    private ApiResponse start(ApiRequest r) {
        if (!desk.startTrading()) {
            throw ApiException.conflict("the kill switch is engaged: release it (DELETE /api/kill-switch) first");
        }
        return ApiResponse.ok(Map.of("trading_loop_active", true));
    }

    private ApiResponse stop(ApiRequest r) {
        desk.stopTrading();
        return ApiResponse.ok(Map.of("trading_loop_active", false));
    }

    private ApiResponse engage(ApiRequest r) {
        JsonBody body = JsonBody.optionalObject(r.body(), Set.of("cancel_open_orders", "reason"));
        boolean cancel = body.booleanField("cancel_open_orders").orElse(false);
        String reason = body.stringField("reason").map(String::strip).filter(s -> !s.isEmpty())
                .orElse(DEFAULT_KILL_REASON);
        if (reason.length() > ProposalRoutes.MAX_REASON) {
            throw ApiException.invalidValue("reason",
                    "'reason' must be at most " + ProposalRoutes.MAX_REASON + " characters");
        }
        int cancelled = desk.engageKillSwitch(cancel, reason);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kill_switch_engaged", true);
        m.put("trading_loop_active", false);
        m.put("cancelled_order_legs", cancelled);
        m.put("reason", reason);
        return ApiResponse.ok(m);
    }

    private ApiResponse release(ApiRequest r) {
        desk.releaseKillSwitch();
        return ApiResponse.ok(Map.of("kill_switch_engaged", false));
    }
}
