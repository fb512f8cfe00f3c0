package tech.brokerbridge.http.internal.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.desk.Portfolio;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.signals.Evidence;

/** The desk's values as JSON trees (ordered maps): snake_case names, ISO-8601 UTC times, null for absent. */
final class DeskJson {
    private DeskJson() {
    }

    static Map<String, Object> health(Health h) {
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("api", "healthy");
        services.put("broker", service("name", h.broker()));
        services.put("ai", service("provider", h.ai()));
        services.put("license", Map.of("status", h.license().wire()));
        Map<String, Object> secrets = new LinkedHashMap<>();
        secrets.put("backend", h.secrets().backend());
        secrets.put("available", h.secrets().available());
        h.secrets().warning().ifPresent(w -> secrets.put("warning", w));
        services.put("secrets", secrets);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", h.status());
        m.put("version", h.version());
        m.put("trading_loop_active", h.tradingLoopActive());
        m.put("kill_switch_engaged", h.killSwitchEngaged());
        m.put("services", services);
        return m;
    }

    private static Map<String, Object> service(String nameKey, Health.Service s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(nameKey, s.name());
        m.put("connected", s.connected());
        m.put("message", s.message());
        return m;
    }

    static Map<String, Object> license(LicenseState l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", l.status().wire());
        m.put("valid", l.valid());
        m.put("reason", l.reason());
        m.put("mode", l.liveTradingAllowed() ? "live" : "paper");
        m.put("expires_at", time(l.expiresAt()));
        m.put("grace_until", time(l.graceUntil()));
        m.put("last_checked_at", time(l.lastCheckedAt()));
        m.put("installation_id", l.installationId());
        return m;
    }

    static Map<String, Object> proposal(Proposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proposal_id", p.proposalId());
        m.put("symbol", p.symbol());
        m.put("direction", p.direction().wire());
        m.put("setup_type", p.setupType());
        m.put("status", p.status().wire());
        m.put("conviction", p.conviction());
        m.put("composite_score", p.compositeScore());
        m.put("entry_price", p.entryPrice());
        m.put("stop_price", p.stopPrice());
        m.put("target_price", p.targetPrice());
        m.put("quantity", p.quantity());
        m.put("thesis_summary", p.thesisSummary());
        m.put("gates", gates(p.gates()));
        m.put("created_at", p.createdAt().toString());
        m.put("expires_at", p.expiresAt().toString());
        List<Object> history = new ArrayList<>();
        for (StatusChange c : p.history()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("time", c.time().toString());
            h.put("from", c.from().map(s -> s.wire()).orElse(null));
            h.put("to", c.to().wire());
            h.put("reason", c.reason());
            history.add(h);
        }
        m.put("history", history);
        return m;
    }

    static List<Object> gates(List<GateResult> gates) {
        List<Object> out = new ArrayList<>();
        for (GateResult g : gates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gate", g.gate());
            m.put("passed", g.passed());
            m.put("compared", new LinkedHashMap<>(g.compared()));
            m.put("reason", g.reason());
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> decision(DecisionRecord d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision_id", d.decisionId());
        m.put("time", d.time().toString());
        m.put("scan_id", d.scanId());
        m.put("symbol", d.symbol());
        m.put("direction", d.direction().wire());
        m.put("setup_type", d.setupType());
        List<Object> evidence = new ArrayList<>();
        for (Evidence e : d.evidence()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("name", e.name());
            ev.put("value", e.value());
            ev.put("note", e.note());
            evidence.add(ev);
        }
        m.put("evidence", evidence);
        m.put("evidence_strength", d.evidenceStrength());
        m.put("setup_quality", d.setupQuality());
        m.put("composite_score", d.compositeScore());
        m.put("outcome", d.outcome());
        m.put("reason", d.reason());
        m.put("ai_verdict", d.aiVerdict().orElse(null));
        m.put("ai_conviction", number(d.aiConviction()));
        m.put("thesis_summary", d.thesisSummary().orElse(null));
        m.put("gates", gates(d.gates()));
        m.put("proposal_id", d.proposalId().orElse(null));
        return m;
    }

    static Map<String, Object> scan(ScanReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scan_id", r.scanId());
        m.put("started_at", r.startedAt().toString());
        m.put("finished_at", r.finishedAt().toString());
        m.put("symbols_scanned", r.symbolsScanned());
        m.put("decisions", r.decisions().stream().map(DeskJson::decision).toList());
        m.put("errors", r.errors());
        return m;
    }

    static Map<String, Object> portfolio(Portfolio p) {
        AccountSnapshot a = p.account();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("currency", a.currency());
        account.put("net_liquidation", a.netLiquidation());
        account.put("cash", a.cash());
        account.put("buying_power", a.buyingPower());
        account.put("available_funds", a.availableFunds());
        account.put("unrealized_pnl", a.unrealizedPnl());
        account.put("realized_pnl_today", a.realizedPnlToday());
        account.put("daily_pnl", a.dailyPnl());
        account.put("as_of", a.asOf().toString());
        List<Object> positions = new ArrayList<>();
        for (Position pos : p.positions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", pos.symbol());
            m.put("quantity", pos.quantity());
            m.put("average_cost", pos.averageCost());
            m.put("market_price", pos.marketPrice());
            m.put("market_value", pos.marketValue());
            m.put("unrealized_pnl", pos.unrealizedPnl());
            m.put("realized_pnl", pos.realizedPnl());
            positions.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("broker", p.broker());
        m.put("account", account);
        m.put("positions", positions);
        return m;
    }

    static Map<String, Object> order(OrderRecord o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_ref", o.orderRef());
        m.put("symbol", o.symbol());
        m.put("direction", o.direction().wire());
        m.put("quantity", o.quantity());
        m.put("entry_price", o.entryPrice());
        m.put("stop_price", o.stopPrice());
        m.put("target_price", o.targetPrice());
        m.put("state", o.state().wire());
        m.put("broker_order_ids", o.brokerOrderIds());
        m.put("message", o.message());
        m.put("created_at", o.createdAt().toString());
        m.put("updated_at", o.updatedAt().toString());
        return m;
    }

    static Map<String, Object> aiExchange(AiExchange x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", x.time().toString());
        m.put("provider", x.provider());
        m.put("model", x.model());
        m.put("url", x.url());
        m.put("status", x.status());
        m.put("latency_ms", latencyMillis(x.latency()));
        m.put("input_tokens", number(x.inputTokens()));
        m.put("output_tokens", number(x.outputTokens()));
        m.put("request_body", x.requestBody());
        m.put("response_body", x.responseBody());
        return m;
    }

    private static double latencyMillis(Duration d) {
        return d.toNanos() / 1_000_000.0;
    }

    private static String time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }

    private static Object number(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static Object number(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
