package tech.brokerbridge.ports.desk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.brokerbridge.ports.Require;

/**
 * The closed trades summed up: today (UTC), this week (from Monday, UTC) and all time; all time also
 * by setup type and by advisor ({@code offline} or the AI provider).
 */
public record TradeSummary(Instant asOf, TradeStats today, TradeStats week, TradeStats allTime,
        Map<String, TradeStats> bySetup, Map<String, TradeStats> byAdvisor) {
    public TradeSummary {
        Require.nonNull("asOf", asOf, "today", today, "week", week, "allTime", allTime);
        bySetup = Collections.unmodifiableMap(new LinkedHashMap<>(bySetup));
        byAdvisor = Collections.unmodifiableMap(new LinkedHashMap<>(byAdvisor));
    }
}
