package tech.brokerbridge.ai.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.advisor.RiskMetrics;
import tech.brokerbridge.ports.advisor.SignalScores;
import tech.brokerbridge.ports.advisor.SuggestedPrices;
import tech.brokerbridge.ports.signals.Evidence;

/**
 * The offline rules advisor ({@code offline}, model {@code rules-v1}): deterministic, no network, no
 * key. It approves a setup when its scores and evidence are strong enough and the risk metrics leave
 * room, rejects it otherwise, and says why in a short thesis built from the evidence. It never
 * adjusts prices and makes no exchanges.
 *
 * <p>The limits leave a margin below the core's risk gates (heat 6 %, daily loss 2 %), so that the
 * advisor does not approve a trade the gates would refuse anyway. Stateless and thread-safe.
 */
public final class OfflineRulesAdvisor implements AdvisorHandle {
    public static final String PROVIDER = "offline";
    public static final String MODEL = "rules-v1";

    static final double MIN_COMPOSITE = 0.55;
    static final double MIN_SETUP_QUALITY = 0.5;
    static final double MAX_HEAT_PCT = 5.0;
    static final double MIN_DAILY_PNL_PCT = -1.5;

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public String statusMessage() {
        return "offline rules advisor (" + MODEL + "), no network";
    }

    @Override
    public Optional<AdvisorException.Kind> lastFailure() {
        return Optional.empty();
    }

    @Override
    public Advice decide(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        List<String> reasons = reasonsToReject(request);
        boolean approve = reasons.isEmpty();
        String thesis = approve ? approval(request) : rejection(request, reasons);
        return new Advice(approve ? Advice.Verdict.APPROVE : Advice.Verdict.REJECT, conviction(request.scores()),
                thesis, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), List.of());
    }

    /** 60 % composite, 25 % setup quality, 15 % evidence strength, clamped to [0,1], two decimals. */
    static double conviction(SignalScores s) {
        double raw = 0.60 * clamp(s.compositeScore()) + 0.25 * clamp(s.setupQuality())
                + 0.15 * clamp(s.evidenceStrength());
        return Math.round(clamp(raw) * 100) / 100.0;
    }

    private static List<String> reasonsToReject(DecisionRequest r) {
        List<String> reasons = new ArrayList<>();
        SignalScores s = r.scores();
        RiskMetrics risk = r.risk();
        if (!(s.compositeScore() >= MIN_COMPOSITE)) {
            reasons.add("composite score " + num(s.compositeScore()) + " below " + num(MIN_COMPOSITE));
        }
        if (!(s.setupQuality() >= MIN_SETUP_QUALITY)) {
            reasons.add("setup quality " + num(s.setupQuality()) + " below " + num(MIN_SETUP_QUALITY));
        }
        if (r.evidence().isEmpty()) {
            reasons.add("no evidence");
        }
        if (!pricesConsistent(r)) {
            reasons.add("stop and target not on the right sides of the entry");
        }
        if (!(risk.portfolioHeatPct() < MAX_HEAT_PCT)) {
            reasons.add("portfolio heat " + pct(risk.portfolioHeatPct()) + " at or above " + pct(MAX_HEAT_PCT));
        }
        if (risk.openTrades() >= risk.maxOpenTrades()) {
            reasons.add(risk.openTrades() + " of " + risk.maxOpenTrades() + " trades already open");
        }
        if (!(risk.dailyPnlPct() > MIN_DAILY_PNL_PCT)) {
            reasons.add("today's P&L " + signedPct(risk.dailyPnlPct()) + " at or below " + pct(MIN_DAILY_PNL_PCT));
        }
        return reasons;
    }

    private static boolean pricesConsistent(DecisionRequest r) {
        SuggestedPrices p = r.prices();
        int sign = r.direction().sign();
        return p.entry() > 0 && p.stop() > 0 && p.target() > 0
                && sign * (p.entry() - p.stop()) > 0 && sign * (p.target() - p.entry()) > 0;
    }

    private static String approval(DecisionRequest r) {
        RiskMetrics risk = r.risk();
        String head = "Approve " + headline(r) + ": " + scores(r.scores()) + ".";
        String tail = " Risk room: heat " + pct(risk.portfolioHeatPct()) + ", " + risk.openTrades() + " of "
                + risk.maxOpenTrades() + " trades open, today's P&L " + signedPct(risk.dailyPnlPct()) + ".";
        return withEvidence(head, r.evidence(), tail);
    }

    private static String rejection(DecisionRequest r, List<String> reasons) {
        String head = "Reject " + headline(r) + ": " + String.join("; ", reasons) + ".";
        return withEvidence(Texts.truncate(head, Advice.MAX_THESIS_CHARS), r.evidence(), " Scores: " + scores(r.scores()) + ".");
    }

    private static String headline(DecisionRequest r) {
        return r.direction().wire() + " " + Texts.plain(r.symbol()) + " " + Texts.plain(r.setupType());
    }

    private static String scores(SignalScores s) {
        return "composite " + num(s.compositeScore()) + ", setup quality " + num(s.setupQuality())
                + ", evidence strength " + num(s.evidenceStrength());
    }

    /** head + as many evidence items as fit + tail, at most 600 characters. */
    private static String withEvidence(String head, List<Evidence> evidence, String tail) {
        StringBuilder out = new StringBuilder(head);
        int budget = Advice.MAX_THESIS_CHARS - tail.length();
        String prefix = " Evidence: ";
        for (Evidence e : evidence) {
            String item = Texts.plain(e.name()) + " " + num(e.value())
                    + (e.note().isBlank() ? "" : " (" + Texts.plain(e.note()) + ")");
            String piece = prefix + item;
            if (out.length() + piece.length() + 1 > budget) {
                break;
            }
            out.append(piece);
            prefix = "; ";
        }
        if (!prefix.startsWith(" Evidence")) {
            out.append('.');
        }
        if (out.length() + tail.length() <= Advice.MAX_THESIS_CHARS) {
            out.append(tail);
        }
        return Texts.truncate(out.toString(), Advice.MAX_THESIS_CHARS);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Two decimals, as the desk's answers show scores; never {@code -0.00}. */
    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }

    private static String pct(double v) {
        return num(v) + "%";
    }

    private static String signedPct(double v) {
        String s = num(v);
        return (s.startsWith("-") ? s : "+" + s) + "%";
    }
}
