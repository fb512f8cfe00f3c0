package tech.brokerbridge.notify.internal.compose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tech.brokerbridge.notify.NotifyConfig;
import tech.brokerbridge.notify.internal.delivery.Message;
import tech.brokerbridge.notify.internal.delivery.Message.Priority;
import tech.brokerbridge.notify.internal.delivery.ProposalButtons;
import tech.brokerbridge.notify.internal.telegram.NonceBook;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.license.LicenseState;

/**
 * Turns desk events into messages, and is where the privacy promise is kept: a message is built from
 * a fixed list of fields — symbol, direction, setup type, prices, quantity, score, reward:risk, R and
 * times — and never from the account (id, balance, net liquidation, cash), a credential or a free text
 * that could hold one. P&L in money is added only with {@code notifications.include_amounts}. Events
 * that are not notified (scan progress, order updates, …) give nothing.
 */
public final class Composer {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final NotifyConfig config;
    private final NonceBook nonces;
    private final Clock clock;
    private volatile Function<String, Optional<Proposal>> proposals = id -> Optional.empty();

    public Composer(NotifyConfig config, NonceBook nonces, Clock clock) {
        this.config = config;
        this.nonces = nonces;
        this.clock = clock;
    }

    /** Where the proposal behind a trade is found (the desk's, once it is known), for R. */
    public void proposals(Function<String, Optional<Proposal>> lookup) {
        this.proposals = lookup;
    }

    /** The message an event makes, if it makes one; broker and license timing are the caller's. */
    public Optional<Message> compose(DeskEvent e) {
        if (e instanceof DeskEvent.ProposalCreated p) {
            return Optional.of(proposal(p.proposal()));
        }
        if (e instanceof DeskEvent.FillReceived f && f.fill().leg() == OrderLeg.ENTRY) {
            return Optional.of(fill(f.fill()));
        }
        if (e instanceof DeskEvent.PositionClosed c) {
            return Optional.of(closed(c));
        }
        if (e instanceof DeskEvent.Warning w && w.code().equals("unprotected_position")) {
            String symbol = w.symbol().orElse("a position");
            return Optional.of(message("unprotected_position", symbol + " has no stop", "The position is open without"
                    + " a protective stop. Protect it on the desk or at the broker.", Priority.URGENT,
                    List.of("warning"), fields("symbol", symbol), Optional.empty()));
        }
        if (e instanceof DeskEvent.KillSwitchEngaged k) {
            String by = k.engagedBy().equals("daily_loss_limit") ? "the daily-loss limit" : "the user";
            return Optional.of(message("kill_switch", "Kill switch engaged by " + by, k.reason()
                    + "\nNo new trades until it is released on the desk.", Priority.URGENT, List.of("stop_sign"),
                    fields("engaged_by", k.engagedBy(), "reason", k.reason()), Optional.empty()));
        }
        if (e instanceof DeskEvent.AdvisorStatusChanged a && !a.connected()) {
            String kind = failureKind(a.message());
            return Optional.of(message("ai", "AI provider " + a.provider() + " failing" + (kind.isEmpty() ? ""
                    : " (" + kind + ")"), "Setups are recorded without a trade until the provider answers again.",
                    Priority.HIGH, List.of("warning"), fields("provider", a.provider(), "failure", kind),
                    Optional.empty()));
        }
        return Optional.empty();
    }

    /** "Broker disconnected for more than 60 s", or "reconnected". */
    public Message broker(String broker, boolean connected, Duration after) {
        return connected
                ? message("broker", "Broker " + broker + " reconnected", "Orders and executions flow again.",
                        Priority.DEFAULT, List.of("white_check_mark"), fields("broker", broker, "connected", true),
                        Optional.empty())
                : message("broker", "Broker " + broker + " disconnected for more than " + after.toSeconds() + " s",
                        "The desk reconnects by itself; approved trades cannot be sent meanwhile.", Priority.HIGH,
                        List.of("warning"), fields("broker", broker, "connected", false), Optional.empty());
    }

    /** License trouble worth a message (grace, invalid, an evaluation ending within 2 days), if any. */
    public Optional<Message> license(LicenseState s) {
        Instant now = clock.instant();
        return switch (s.status()) {
            case GRACE -> Optional.of(message("license", "License check failing: grace period",
                    "Stripe cannot confirm the license; the desk keeps working until "
                            + s.graceUntil().map(HOUR::format).orElse("the grace period ends") + ".",
                    Priority.HIGH, List.of("warning"), fields("status", "grace"), Optional.empty()));
            case INVALID -> Optional.of(message("license", "License invalid", "The desk refuses its API until the"
                    + " license is valid again: see GET /api/license.", Priority.URGENT, List.of("warning"),
                    fields("status", "invalid"), Optional.empty()));
            case EVALUATION -> s.expiresAt().filter(x -> x.isAfter(now) && !x.isAfter(now.plus(Duration.ofDays(2))))
                    .map(x -> message("license", "Evaluation ends in " + days(Duration.between(now, x)),
                            "The evaluation ends at " + HOUR.format(x) + " on " + x.atZone(ZoneOffset.UTC)
                                    .toLocalDate() + ": activate a license to keep trading.", Priority.HIGH,
                            List.of("hourglass"), fields("status", "evaluation", "ends_at", x.toString()),
                            Optional.empty()));
            default -> Optional.empty();
        };
    }

    /** The test message of {@code POST /api/notifications/test}. */
    public Message test() {
        return message("test", "Test message", "BrokerBridge can reach you here.", Priority.DEFAULT,
                List.of("white_check_mark"), fields(), Optional.empty());
    }

    private Message proposal(Proposal p) {
        Instant now = clock.instant();
        double risk = Math.abs(p.entryPrice() - p.stopPrice());
        double rewardRisk = risk == 0 ? 0 : Math.abs(p.targetPrice() - p.entryPrice()) / risk;
        String label = p.symbol() + " " + p.direction().wire();
        Map<String, Object> f = fields("symbol", p.symbol(), "direction", p.direction().wire(), "setup_type",
                p.setupType(), "entry", Figures.price(p.entryPrice()), "stop", Figures.price(p.stopPrice()), "target",
                Figures.price(p.targetPrice()), "quantity", p.quantity(), "reward_risk", Figures.twoDecimals(rewardRisk),
                "score", Figures.twoDecimals(p.compositeScore()), "expires_at", p.expiresAt().toString());
        String text = "Entry " + Figures.price(p.entryPrice()) + ", stop " + Figures.price(p.stopPrice())
                + ", target " + Figures.price(p.targetPrice()) + "\n" + p.quantity() + " shares, reward:risk "
                + Figures.twoDecimals(rewardRisk) + ", score " + Figures.twoDecimals(p.compositeScore()) + "\nExpires in "
                + minutes(Duration.between(now, p.expiresAt())) + " (" + HOUR.format(p.expiresAt()) + ")";
        List<ProposalButtons> buttons = List.of();
        if (config.telegramApprovals() && p.expiresAt().isAfter(now)) {
            Optional<Map.Entry<Double, String>> tighter = Optional.empty();
            if (config.tighterStop() > 0) {
                double stop = p.stopPrice() + (p.entryPrice() - p.stopPrice()) * config.tighterStop();
                double tick = Figures.price(stop).doubleValue();
                tighter = Optional.of(Map.entry(tick, Figures.price(tick).toPlainString()));
            }
            buttons = List.of(nonces.issue(p.proposalId(), label, p.expiresAt(), now, tighter));
        }
        return new Message("proposal", now, "New proposal: " + label + " (" + p.setupType().replace('_', ' ') + ")",
                text, Priority.HIGH, List.of("chart_with_upwards_trend"), f, buttons, Optional.of("proposal"));
    }

    private Message fill(FillRecord f) {
        return message("fill", "Filled: " + f.symbol() + " " + f.quantity() + " @ " + Figures.price(f.price()),
                "The entry of the " + f.symbol() + " bracket filled; its stop and target are working.",
                Priority.DEFAULT, List.of("moneybag"), fields("symbol", f.symbol(), "leg", f.leg().wire(), "quantity",
                        f.quantity(), "price", Figures.price(f.price())), Optional.of("fill"));
    }

    private Message closed(DeskEvent.PositionClosed c) {
        String how = c.reason().startsWith("stop") ? "stop hit" : c.reason().startsWith("take_profit") ? "target hit"
                : "closed";
        Map<String, Object> f = fields("symbol", c.symbol(), "exit", how, "price", Figures.price(c.price()),
                "quantity", Math.abs(c.quantity()));
        StringBuilder text = new StringBuilder(how.substring(0, 1).toUpperCase(java.util.Locale.ROOT))
                .append(how.substring(1)).append(" at ").append(Figures.price(c.price()));
        Optional<Proposal> p = proposals.apply(c.orderRef());
        p.filter(x -> x.entryPrice() != x.stopPrice()).ifPresent(x -> {
            double r = (c.price() - x.entryPrice()) / (x.entryPrice() - x.stopPrice());
            f.put("r", Figures.twoDecimals(r));
            text.append(": ").append(Figures.r(r));
            if (config.includeAmounts()) {
                double pnl = (c.price() - x.entryPrice()) * Math.abs(c.quantity()) * x.direction().sign();
                f.put("pnl", Figures.twoDecimals(pnl));
                text.append(" (P&L ").append(Figures.twoDecimals(pnl).toPlainString()).append(")");
            }
        });
        return message("trade_closed", c.symbol() + " closed: " + how, text.toString(), Priority.HIGH,
                List.of("checkered_flag"), f, Optional.of("trade_closed"));
    }

    private Message message(String event, String title, String text, Priority priority, List<String> tags,
            Map<String, Object> fields, Optional<String> coalesce) {
        return new Message(event, clock.instant(), title, text, priority, tags, fields, List.of(), coalesce);
    }

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The advisor failure's kind ({@code ai_timeout}, …) from its health message; empty when there is none. */
    static String failureKind(String message) {
        String head = message.split("[:\\s(]", 2)[0];
        return head.matches("[a-z_]{3,40}") ? head : "";
    }

    private static String minutes(Duration d) {
        long m = Math.max(0, (d.toSeconds() + 59) / 60);
        return m + " min";
    }

    private static String days(Duration d) {
        long hours = d.toHours();
        return hours < 24 ? hours + " h" : (hours + 12) / 24 + " days";
    }
}
