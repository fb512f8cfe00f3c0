package tech.brokerbridge.http.internal.routes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.TradingDesk;

/** Read-only views of the desk: portfolio, orders, decisions, approvals CSV and the AI audit. All may block. */
final class JournalRoutes {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final TradingDesk desk;
    private final Clock clock;

    record Orders(List<OrderAnswer> orders) {
    }

    record Decisions(LocalDate date, List<DecisionAnswer> decisions) {
    }

    record Exchanges(List<AiExchangeAnswer> exchanges) {
    }

    private JournalRoutes(TradingDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    static void register(Router.Builder b, TradingDesk desk, Clock clock) {
        JournalRoutes r = new JournalRoutes(desk, clock);
        b.route("GET", "/api/portfolio").blocking().to(x -> ApiResponse.ok(PortfolioAnswer.of(desk.portfolio())));
        b.route("GET", "/api/orders").query("limit").blocking().to(r::orders);
        b.route("GET", "/api/decisions").query("date").blocking().to(r::decisions);
        b.route("GET", "/api/journal/approvals.csv").blocking()
                .to(x -> ApiResponse.csv(ApprovalsCsv.write(desk.approvals()), "approvals.csv"));
        b.route("GET", "/api/ai/audit").query("limit").blocking().to(r::aiAudit);
    }

    private ApiResponse orders(ApiRequest r) {
        int limit = Params.limit(r, DEFAULT_LIMIT, MAX_LIMIT);
        return ApiResponse.ok(new Orders(desk.brackets(limit).stream().map(OrderAnswer::of).toList()));
    }

    private ApiResponse decisions(ApiRequest r) {
        LocalDate day = Params.date(r).orElseGet(() -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return ApiResponse.ok(new Decisions(day, DecisionAnswer.of(desk.decisions(day))));
    }

    private ApiResponse aiAudit(ApiRequest r) {
        int limit = Params.limit(r, DEFAULT_LIMIT, MAX_LIMIT);
        return ApiResponse.ok(new Exchanges(desk.aiAudit(limit).stream().map(AiExchangeAnswer::of).toList()));
    }
}
