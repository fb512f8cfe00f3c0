package tech.brokerbridge.http.internal.routes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private JournalRoutes(TradingDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    static void register(Router.Builder b, TradingDesk desk, Clock clock) {
        JournalRoutes r = new JournalRoutes(desk, clock);
        b.route("GET", "/api/portfolio").blocking().to(x -> ApiResponse.ok(DeskJson.portfolio(desk.portfolio())));
        b.route("GET", "/api/orders").query("limit").blocking().to(r::orders);
        b.route("GET", "/api/decisions").query("date").blocking().to(r::decisions);
        b.route("GET", "/api/journal/approvals.csv").blocking()
                .to(x -> ApiResponse.csv(ApprovalsCsv.write(desk.approvals()), "approvals.csv"));
        b.route("GET", "/api/ai/audit").query("limit").blocking().to(r::aiAudit);
    }

    private ApiResponse orders(ApiRequest r) {
        int limit = Params.limit(r, DEFAULT_LIMIT, MAX_LIMIT);
        return ApiResponse.ok(Map.of("orders", desk.orders(limit).stream().map(DeskJson::order).toList()));
    }

    private ApiResponse decisions(ApiRequest r) {
        LocalDate day = Params.date(r).orElseGet(() -> LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", day.toString());
        m.put("decisions", desk.decisions(day).stream().map(DeskJson::decision).toList());
        return ApiResponse.ok(m);
    }

    private ApiResponse aiAudit(ApiRequest r) {
        int limit = Params.limit(r, DEFAULT_LIMIT, MAX_LIMIT);
        return ApiResponse.ok(Map.of("exchanges", desk.aiAudit(limit).stream().map(DeskJson::aiExchange).toList()));
    }
}
