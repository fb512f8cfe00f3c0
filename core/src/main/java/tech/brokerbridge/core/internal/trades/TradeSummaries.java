package tech.brokerbridge.core.internal.trades;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import tech.brokerbridge.ports.desk.TradeStats;
import tech.brokerbridge.ports.desk.TradeSummary;
import tech.brokerbridge.ports.journal.ClosedTrade;

/**
 * Closed trades summed up: pure functions. A win made money after commissions. The drawdown is the
 * largest fall of cumulative realized P&amp;L, trades in exit order, from its highest point so far
 * (the start, at 0, counts as a high).
 */
public final class TradeSummaries {
    private TradeSummaries() {
    }

    /** Today (UTC) and this week (from Monday, UTC) end at {@code now}; all time and the groups use every trade. */
    public static TradeSummary summarize(List<ClosedTrade> all, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant dayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return new TradeSummary(now, stats(since(all, dayStart)), stats(since(all, weekStart)), stats(all),
                grouped(all, ClosedTrade::setupType), grouped(all, ClosedTrade::advisor));
    }

    public static TradeStats stats(List<ClosedTrade> trades) {
        List<ClosedTrade> ordered = trades.stream().sorted(Comparator.comparing(ClosedTrade::exitTime)
                .thenComparing(ClosedTrade::tradeId)).toList();
        int n = ordered.size();
        int wins = (int) ordered.stream().filter(t -> t.realizedPnl() > 0).count();
        int losses = (int) ordered.stream().filter(t -> t.realizedPnl() < 0).count();
        double pnl = ordered.stream().mapToDouble(ClosedTrade::realizedPnl).sum();
        double commissions = ordered.stream().mapToDouble(ClosedTrade::commissions).sum();
        OptionalDouble averageR = ordered.stream().map(ClosedTrade::rMultiple).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
        double peak = 0;
        double equity = 0;
        double drawdown = 0;
        for (ClosedTrade t : ordered) {
            equity += t.realizedPnl();
            peak = Math.max(peak, equity);
            drawdown = Math.max(drawdown, peak - equity);
        }
        return new TradeStats(n, wins, losses, pnl, commissions, n == 0 ? 0 : (double) wins / n, averageR,
                n == 0 ? 0 : pnl / n, drawdown);
    }

    private static List<ClosedTrade> since(List<ClosedTrade> all, Instant from) {
        return all.stream().filter(t -> !t.exitTime().isBefore(from)).toList();
    }

    private static Map<String, TradeStats> grouped(List<ClosedTrade> all, Function<ClosedTrade, String> key) {
        Map<String, List<ClosedTrade>> groups = all.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.toList()));
        Map<String, TradeStats> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, stats(v)));
        return out;
    }
}
