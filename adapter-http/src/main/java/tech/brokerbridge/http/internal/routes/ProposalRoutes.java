package tech.brokerbridge.http.internal.routes;

import java.util.List;
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
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;

/** Proposals: list, one, approve (as is or modified), reject. Ids other than {@code prp-} + 12 hex are 404. */
final class ProposalRoutes {
    static final Pattern ID = Pattern.compile("prp-[0-9a-f]{12}");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_REASON = 2000;

    private final TradingDesk desk;

    /** A page of proposals; {@code next_cursor} is null on the last page. */
    record Page(List<ProposalAnswer> proposals, Optional<String> nextCursor) {
    }

    private ProposalRoutes(TradingDesk desk) {
        this.desk = desk;
    }

    static void register(Router.Builder b, TradingDesk desk) {
        ProposalRoutes r = new ProposalRoutes(desk);
        b.route("GET", "/api/proposals").query("status", "date", "limit", "cursor").blocking().to(r::list);
        b.route("GET", "/api/proposals/{id}").blocking().to(r::one);
        b.route("GET", "/api/proposals/{id}/bars").blocking().to(r::bars);
        b.route("POST", "/api/proposals/{id}/approve").blocking().takesBody().to(r::approve);
        b.route("POST", "/api/proposals/{id}/reject").blocking().takesBody().to(r::reject);
    }

    private ApiResponse list(ApiRequest r) {
        ProposalQuery q = new ProposalQuery(Params.status(r), Params.date(r),
                Params.limit(r, DEFAULT_LIMIT, ProposalQuery.MAX_LIMIT), Params.cursor(r));
        ProposalPage page;
        try {
            page = desk.proposals(q);
        } catch (IllegalArgumentException e) {
            if (q.cursor().isPresent()) {
                throw ApiException.badField("cursor", "'cursor' must be the next_cursor of a previous page");
            }
            throw e;
        }
        return ApiResponse.ok(new Page(page.proposals().stream().map(ProposalAnswer::of).toList(), page.nextCursor()));
    }

    private ApiResponse one(ApiRequest r) {
        String id = r.pathParam("id", ID, "no such proposal");
        return desk.proposal(id).map(p -> ApiResponse.ok(ProposalAnswer.of(p)))
                .orElseThrow(() -> notFound(id));
    }

    /** The bars the scan read for the proposal, for its chart. */
    record Bars(String proposalId, List<BarAnswer> bars) {
    }

    record BarAnswer(java.time.Instant time, @tech.brokerbridge.http.internal.web.Rounded.Price double open,
            @tech.brokerbridge.http.internal.web.Rounded.Price double high,
            @tech.brokerbridge.http.internal.web.Rounded.Price double low,
            @tech.brokerbridge.http.internal.web.Rounded.Price double close, long volume) {
    }

    private ApiResponse bars(ApiRequest r) {
        String id = r.pathParam("id", ID, "no such proposal");
        return desk.proposalBars(id).map(bars -> ApiResponse.ok(new Bars(id, bars.stream()
                .map(b -> new BarAnswer(b.time(), b.open(), b.high(), b.low(), b.close(), b.volume())).toList())))
                .orElseThrow(() -> notFound(id));
    }

    private ApiResponse approve(ApiRequest r) {
        String id = r.pathParam("id", ID, "no such proposal");
        JsonBody body = JsonBody.optionalObject(r.body(), Set.of("quantity", "stop_price", "target_price"));
        OptionalLong quantity = body.sharesField("quantity");
        OptionalDouble stop = body.priceField("stop_price");
        OptionalDouble target = body.priceField("target_price");
        return result(desk.approve(id, new Modification(quantity, stop, target)));
    }

    private ApiResponse reject(ApiRequest r) {
        String id = r.pathParam("id", ID, "no such proposal");
        JsonBody body = JsonBody.optionalObject(r.body(), Set.of("reason"));
        Optional<String> reason = body.stringField("reason").map(String::strip);
        if (reason.isPresent() && reason.get().length() > MAX_REASON) {
            throw ApiException.invalidValue("reason", "'reason' must be at most " + MAX_REASON + " characters");
        }
        return result(desk.reject(id, reason.filter(s -> !s.isEmpty())));
    }

    static ApiResponse result(ActionResult result) {
        if (result instanceof ActionResult.Done done) {
            return ApiResponse.ok(ProposalAnswer.of(done.proposal()));
        }
        if (result instanceof ActionResult.NotFound nf) {
            throw notFound(nf.proposalId());
        }
        if (result instanceof ActionResult.Conflict c) {
            throw new ApiException(409, c.code(), c.reason());
        }
        if (result instanceof ActionResult.GatesFailed g) {
            throw GateAnswer.failed(g.gates(), "the modified trade", "risk gate", "the proposal stays pending");
        }
        ActionResult.Invalid invalid = (ActionResult.Invalid) result;
        throw ApiException.invalidValue(invalid.field(), invalid.reason());
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no proposal " + id);
    }
}
