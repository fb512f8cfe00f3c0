package tech.brokerbridge.ai.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.advisor.RiskMetrics;
import tech.brokerbridge.ports.advisor.SignalScores;
import tech.brokerbridge.ports.advisor.SuggestedPrices;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.signals.Evidence;

/**
 * Writes a {@link DecisionRequest} as the user message: exactly the record's fields, in snake_case,
 * field by field (no reflection), so that nothing added to a type later can leak by accident.
 */
public final class DecisionJson {
    private DecisionJson() {
    }

    public static String write(DecisionRequest r) {
        ObjectNode root = Json.object();
        root.put("symbol", r.symbol());
        root.put("direction", r.direction().wire());
        root.put("setup_type", r.setupType());
        ArrayNode bars = root.putArray("bars");
        for (Bar b : r.bars()) {
            bars.addObject()
                    .put("time", b.time().toString())
                    .put("open", b.open())
                    .put("high", b.high())
                    .put("low", b.low())
                    .put("close", b.close())
                    .put("volume", b.volume());
        }
        SignalScores s = r.scores();
        root.putObject("scores")
                .put("evidence_strength", s.evidenceStrength())
                .put("setup_quality", s.setupQuality())
                .put("composite_score", s.compositeScore());
        ArrayNode evidence = root.putArray("evidence");
        for (Evidence e : r.evidence()) {
            evidence.addObject().put("name", e.name()).put("value", e.value()).put("note", e.note());
        }
        SuggestedPrices p = r.prices();
        root.putObject("prices").put("entry", p.entry()).put("stop", p.stop()).put("target", p.target());
        RiskMetrics k = r.risk();
        root.putObject("risk")
                .put("portfolio_heat_pct", k.portfolioHeatPct())
                .put("open_trades", k.openTrades())
                .put("max_open_trades", k.maxOpenTrades())
                .put("daily_pnl_pct", k.dailyPnlPct())
                .put("long_exposure_pct", k.longExposurePct())
                .put("short_exposure_pct", k.shortExposurePct());
        return Json.write(root);
    }
}
