package tech.brokerbridge.http.internal.routes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.JsonBody;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * Looking after open trades: the positions, close and re-arm by symbol, cancel and modify by the
 * order ref {@code /api/orders} shows. Every action takes an optional {@code Idempotency-Key} header;
 * repeated with the same key it answers the first request's action and sends nothing. Answers: 200
 * with the action (202 while its outcome at the broker is unknown, to be reconciled), 409 when it is
 * refused (by the desk's state, the kill switch or the broker), 422 with the gate results when a new
 * level fails a check. All may block.
 */
final class PositionRoutes {
    static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");
    static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + ActionOptions.MAX_KEY_LENGTH + "}");

    private final TradingDesk desk;

    record Positions(List<OpenPositionAnswer> positions) {
    }

    private PositionRoutes(TradingDesk desk) {
        this.desk = desk;
    }

    static void register(Router.Builder b, TradingDesk desk) {
        PositionRoutes r = new PositionRoutes(desk);
        b.route("GET", "/api/positions").blocking().to(x -> ApiResponse.ok(new Positions(
                desk.positions().stream().map(OpenPositionAnswer::of).toList())));
        b.route("POST", "/api/positions/{symbol}/close").blocking().takesBody().to(r::close);
        b.route("POST", "/api/positions/{symbol}/rearm-stop").blocking().takesBody().to(r::rearm);
        b.route("POST", "/api/orders/{id}/cancel").blocking().takesBody().to(r::cancel);
        b.route("POST", "/api/orders/{id}/modify").blocking().takesBody().to(r::modify);
    }

    private ApiResponse close(ApiRequest r) {
        String symbol = r.pathParam("symbol", SYMBOL, "no such position");
        JsonBody body = JsonBody.optionalObject(r.body(), Set.of("quantity", "limit_price", "reason"));
        OptionalLong quantity = body.sharesField("quantity");
        OptionalDouble limit = body.priceField("limit_price");
        return result(desk.closePosition(symbol, new CloseRequest(quantity, limit, options(r, body))));
    }

    private ApiResponse rearm(ApiRequest r) {
        String symbol = r.pathParam("symbol", SYMBOL, "no such position");
        return result(desk.rearmStop(symbol, options(r, JsonBody.optionalObject(r.body(), Set.of("reason")))));
    }

    private ApiResponse cancel(ApiRequest r) {
        String id = r.pathParam("id", ProposalRoutes.ID, "no such order");
        return result(desk.cancelOrder(id, options(r, JsonBody.optionalObject(r.body(), Set.of("reason")))));
    }

    private ApiResponse modify(ApiRequest r) {
        String id = r.pathParam("id", ProposalRoutes.ID, "no such order");
        JsonBody body = JsonBody.optionalObject(r.body(), Set.of("stop_price", "target_price", "stop_to_breakeven",
                "trailing_percent", "trailing_amount", "reason"));
        OptionalDouble stop = body.priceField("stop_price");
        OptionalDouble target = body.priceField("target_price");
        boolean breakeven = body.booleanField("stop_to_breakeven").orElse(false);
        OptionalDouble trailing = body.doubleField("trailing_percent");
        if (trailing.isPresent() && !(trailing.getAsDouble() > 0 && trailing.getAsDouble() < 100)) {
            throw ApiException.invalidValue("trailing_percent", "'trailing_percent' must be above 0 and below 100");
        }
        OptionalDouble trailingAmount = body.priceField("trailing_amount");
        return result(desk.modifyOrder(id, new ModifyRequest(stop, target, breakeven, trailing, trailingAmount,
                options(r, body))));
    }

    private static ActionOptions options(ApiRequest r, JsonBody body) {
        Optional<String> reason = body.stringField("reason").map(String::strip);
        if (reason.isPresent() && reason.get().length() > ProposalRoutes.MAX_REASON) {
            throw ApiException.invalidValue("reason", "'reason' must be at most " + ProposalRoutes.MAX_REASON
                    + " characters");
        }
        if (r.idempotencyKey().isPresent() && !KEY.matcher(r.idempotencyKey().get()).matches()) {
            throw ApiException.badField(ApiRequest.IDEMPOTENCY_KEY, "the " + ApiRequest.IDEMPOTENCY_KEY
                    + " header must be 1 to " + ActionOptions.MAX_KEY_LENGTH + " visible ASCII characters");
        }
        return new ActionOptions(reason.filter(s -> !s.isEmpty()), r.idempotencyKey());
    }

    static ApiResponse result(TradeActionResult result) {
        if (result instanceof TradeActionResult.Done done) {
            TradeAction a = done.action();
            ActionAnswer answer = ActionAnswer.of(a, done.replayed());
            if (a.state() == TradeAction.State.REFUSED || a.state() == TradeAction.State.FAILED) {
                throw new ApiException(409, "action_" + a.state().wire(), a.message(), Map.of("action", answer),
                        Map.of());
            }
            return ApiResponse.json(a.state() == TradeAction.State.REQUESTED ? 202 : 200, answer);
        }
        if (result instanceof TradeActionResult.NotFound nf) {
            throw ApiException.notFound(nf.what());
        }
        if (result instanceof TradeActionResult.Conflict c) {
            throw ApiException.conflict(c.reason());
        }
        if (result instanceof TradeActionResult.GatesFailed g) {
            throw GateAnswer.failed(g.gates(), "the new level", "check", "nothing was sent");
        }
        TradeActionResult.Invalid invalid = (TradeActionResult.Invalid) result;
        throw ApiException.invalidValue(invalid.field(), invalid.reason());
    }
}
