package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.desk.TradeStats;
import tech.brokerbridge.ports.desk.TradeSummary;

/** {@code GET /api/trades/summary}: today, this week, all time, and all time by setup and by advisor. */
record SummaryAnswer(Instant asOf, Stats today, Stats week, Stats allTime, Map<String, Stats> bySetup,
        Map<String, Stats> byAdvisor) {

    /** Figures over some closed trades; win rate as a fraction, {@code average_r} null without an R. */
    record Stats(int trades, int wins, int losses, @Rounded.Money double realizedPnl, @Rounded.Money double commissions,
            @Rounded.Figure double winRate, @Rounded.Figure OptionalDouble averageR, @Rounded.Money double expectancy,
            @Rounded.Money double maxDrawdown) {
        static Stats of(TradeStats s) {
            return new Stats(s.trades(), s.wins(), s.losses(), s.realizedPnl(), s.commissions(), s.winRate(),
                    s.averageR(), s.expectancy(), s.maxDrawdown());
        }
    }

    static SummaryAnswer of(TradeSummary s) {
        Map<String, Stats> bySetup = new LinkedHashMap<>();
        s.bySetup().forEach((k, v) -> bySetup.put(k, Stats.of(v)));
        Map<String, Stats> byAdvisor = new LinkedHashMap<>();
        s.byAdvisor().forEach((k, v) -> byAdvisor.put(k, Stats.of(v)));
        return new SummaryAnswer(s.asOf(), Stats.of(s.today()), Stats.of(s.week()), Stats.of(s.allTime()), bySetup,
                byAdvisor);
    }
}
