package tech.brokerbridge.http.internal.routes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.journal.ClosedTrade;

/**
 * Closed trades: by exit date (UTC days {@code from} to {@code to}, both included; by default the last
 * 30 days to today), as JSON or CSV, and the summary. All may block.
 */
final class ClosedTradeRoutes {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3660;

    private final TradingDesk desk;
    private final Clock clock;

    record Trades(LocalDate from, LocalDate to, List<ClosedTradeAnswer> trades) {
    }

    /** A range of days, both included. */
    private record Range(LocalDate from, LocalDate to) {
    }

    private ClosedTradeRoutes(TradingDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    static void register(Router.Builder b, TradingDesk desk, Clock clock) {
        ClosedTradeRoutes r = new ClosedTradeRoutes(desk, clock);
        b.route("GET", "/api/trades").query("from", "to").blocking().to(r::list);
        b.route("GET", "/api/trades.csv").query("from", "to").blocking().to(r::csv);
        b.route("GET", "/api/trades/summary").blocking().to(x -> ApiResponse.ok(SummaryAnswer.of(desk.tradeSummary())));
    }

    private ApiResponse list(ApiRequest r) {
        Range range = range(r);
        return ApiResponse.ok(new Trades(range.from(), range.to(),
                trades(range).stream().map(ClosedTradeAnswer::of).toList()));
    }

    private ApiResponse csv(ApiRequest r) {
        return ApiResponse.csv(TradesCsv.write(trades(range(r))), "trades.csv");
    }

    private List<ClosedTrade> trades(Range range) {
        return desk.closedTrades(range.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                range.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private Range range(ApiRequest r) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = Params.date(r, "to").orElse(today);
        LocalDate from = Params.date(r, "from").orElse(to.minusDays(DEFAULT_DAYS));
        if (to.isBefore(from)) {
            throw ApiException.invalidValue("to", "'to' must not be before 'from'");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiException.invalidValue("from", "the range may span at most " + MAX_DAYS + " days");
        }
        return new Range(from, to);
    }
}
