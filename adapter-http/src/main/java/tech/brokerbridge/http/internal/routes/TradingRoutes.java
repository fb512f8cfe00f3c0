package tech.brokerbridge.http.internal.routes;

import java.util.List;
import java.util.Set;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.JsonBody;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.KillSwitchOutcome;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.TradingDesk;

/** Scan now, the trading loop and the kill switch. All may block. */
final class TradingRoutes {
    static final String DEFAULT_KILL_REASON = "engaged through the API";

    private final TradingDesk desk;

    record Loop(boolean tradingLoopActive) {
    }

    /**
     * The switch engaged: legs cancelled with the unfilled brackets ({@code cancelled_orders}), brackets
     * kept because their entry filled in part, the closes of a flatten, and what could not be done.
     */
    record Engaged(boolean killSwitchEngaged, boolean tradingLoopActive, int cancelledOrderLegs, String reason,
            List<String> cancelledOrders, List<String> keptOrders, List<ActionAnswer> flattened,
            List<String> problems) {
    }

    /** The word a caller sends with {@code flatten:true} to confirm it. */
    static final String FLATTEN = "FLATTEN";

    record Released(boolean killSwitchEngaged) {
    }

    private TradingRoutes(TradingDesk desk) {
        this.desk = desk;
    }

    static void register(Router.Builder b, TradingDesk desk) {
        TradingRoutes r = new TradingRoutes(desk);
        b.route("POST", "/api/scan").blocking().to(x -> ApiResponse.ok(ScanAnswer.of(desk.scanNow())));
        b.route("POST", "/api/trading/start").blocking().to(r::start);
        b.route("POST", "/api/trading/stop").blocking().to(r::stop);
        b.route("POST", "/api/kill-switch").blocking().takesBody().to(r::engage);
        b.route("DELETE", "/api/kill-switch").blocking().to(r::release);
    }

    private ApiResponse start(ApiRequest r) {
        if (!desk.startTrading()) {
            throw ApiException.conflict("the kill switch is engaged: release it (DELETE /api/kill-switch) first");
        }
        return ApiResponse.ok(new Loop(true));
    }

    private ApiResponse stop(ApiRequest r) {
        desk.stopTrading();
        return ApiResponse.ok(new Loop(false));
    }

    private ApiResponse engage(ApiRequest r) {
        JsonBody body = JsonBody.optionalObject(r.body(), Set.of("cancel_open_orders", "flatten", "confirm", "reason"));
        boolean cancel = body.booleanField("cancel_open_orders").orElse(false);
        boolean flatten = body.booleanField("flatten").orElse(false);
        if (flatten && !body.stringField("confirm").map(FLATTEN::equals).orElse(false)) {
            throw ApiException.invalidValue("confirm", "flatten closes every position at market: send \"confirm\":\""
                    + FLATTEN + "\" with it");
        }
        String reason = body.stringField("reason").map(String::strip).filter(s -> !s.isEmpty())
                .orElse(DEFAULT_KILL_REASON);
        if (reason.length() > ProposalRoutes.MAX_REASON) {
            throw ApiException.invalidValue("reason",
                    "'reason' must be at most " + ProposalRoutes.MAX_REASON + " characters");
        }
        KillSwitchOutcome out = desk.engageKillSwitch(new KillSwitchRequest(cancel, flatten, reason));
        return ApiResponse.ok(new Engaged(true, false, out.cancelledLegs(), reason, out.cancelledOrders(),
                out.keptOrders(), out.flattened().stream().map(a -> ActionAnswer.of(a, false)).toList(),
                out.problems()));
    }

    private ApiResponse release(ApiRequest r) {
        desk.releaseKillSwitch();
        return ApiResponse.ok(new Released(false));
    }
}
