package tech.brokerbridge.core.internal.license;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;

/**
 * Decides the license state from the evidence and the time: a pure function.
 *
 * <ul>
 * <li>{@code evaluation}: no license key; paper trading only, for the evaluation period (14 days)
 *     from the first start. A key that Stripe has never answered about leaves the evaluation
 *     running.</li>
 * <li>{@code licensed}: Stripe's last answer says {@code active}, {@code trialing} or
 *     {@code past_due} (with a warning) and bound to this installation, and it is younger than the
 *     grace period.</li>
 * <li>{@code grace}: that licensed answer, while the checks since then could not reach Stripe, until
 *     the grace period (72 hours) after it was obtained.</li>
 * <li>{@code invalid}: the evaluation is over; Stripe's last answer is another status, no such
 *     subscription, a refused key, or bound elsewhere; or the licensed answer is older than the
 *     grace period. Always with a reason that says what to do.</li>
 * </ul>
 */
public final class LicensePolicy {
    /** How long a licensed answer is honoured when Stripe cannot be reached ({@code license.grace_hours}). */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(72);
    static final String MOVED = "this license is now active on another installation \u2014 activate it here to move "
            + "it back";
    private static final Set<String> PAID = Set.of("active", "trialing", "past_due");
    private static final String ACTIVATE = "(POST /api/license/activate)";
    private static final String REFRESH = "(POST /api/admin/license/refresh)";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final Duration evaluationPeriod;
    private final Duration grace;

    public LicensePolicy(Duration evaluationPeriod) {
        this(evaluationPeriod, DEFAULT_GRACE);
    }

    public LicensePolicy(Duration evaluationPeriod, Duration grace) {
        this.evaluationPeriod = Objects.requireNonNull(evaluationPeriod, "evaluationPeriod");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /** The evaluation's length in whole days. */
    public long evaluationDays() {
        return evaluationPeriod.toDays();
    }

    /** Whether Stripe's status word means a paid subscription ({@code past_due} included, with a warning). */
    public static boolean paid(String status) {
        return PAID.contains(status);
    }

    public LicenseState decide(LicenseEvidence evidence, Instant now, String installationId) {
        if (evidence instanceof LicenseEvidence.Evaluation e) {
            return evaluation(e.firstStart(), now, installationId, "", Optional.empty());
        }
        if (evidence instanceof LicenseEvidence.Subscription s) {
            return subscription(s, now, installationId);
        }
        throw new IllegalArgumentException("unknown license evidence: " + evidence.getClass().getSimpleName());
    }

    private LicenseState evaluation(Instant firstStart, Instant now, String installationId, String prefix,
            Optional<Instant> checked) {
        Instant end = firstStart.plus(evaluationPeriod);
        long days = evaluationPeriod.toDays();
        String endDay = end.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        if (now.isBefore(end)) {
            Duration rest = Duration.between(now, end);
            // days begun count: on the first day of a 14-day evaluation 14 days are left, not 13
            long left = rest.plusDays(1).minusNanos(1).toDays();
            String count = rest.compareTo(Duration.ofDays(1)) < 0 ? "less than a day"
                    : left + (left == 1 ? " day" : " days");
            String reason = prefix + "evaluation: paper trading only; " + count + " left (ends on " + endDay + ")";
            return new LicenseState(LicenseStatus.EVALUATION, reason, false, Optional.of(end), Optional.empty(),
                    checked, installationId);
        }
        String reason = prefix + "the " + days + "-day evaluation ended on " + endDay
                + " \u2014 activate a license key " + ACTIVATE;
        return new LicenseState(LicenseStatus.INVALID, reason, false, Optional.of(end), Optional.empty(), checked,
                installationId);
    }

    private LicenseState subscription(LicenseEvidence.Subscription s, Instant now, String id) {
        Optional<Instant> checked = s.lastCheckedAt();
        if (s.answer().isEmpty()) {
            String prefix = s.outage().map(o -> "the saved license key could not be checked with Stripe yet ("
                    + o.reason() + "); ").orElse("the saved license key has not been checked with Stripe yet; ");
            return evaluation(s.firstStart(), now, id, prefix, checked);
        }
        LicenseRecord.Answer a = s.answer().get();
        if (a instanceof LicenseRecord.NotFound) {
            return invalid("Stripe knows no such subscription \u2014 check the license key and activate it again "
                    + ACTIVATE, Optional.empty(), checked, id);
        }
        if (a instanceof LicenseRecord.KeyRefused) {
            return invalid("Stripe refused the saved API key \u2014 activate again with the restricted key that came "
                    + "with the license " + ACTIVATE, Optional.empty(), checked, id);
        }
        LicenseRecord.Found f = (LicenseRecord.Found) a;
        if (!paid(f.status())) {
            return invalid(unpaidReason(f.status()), Optional.empty(), checked, id);
        }
        if (!f.boundTo().equals(Optional.of(id))) {
            String reason = f.boundTo().isPresent() ? MOVED
                    : "this license is not bound to any installation \u2014 activate it here " + ACTIVATE;
            return invalid(reason, f.periodEnd(), checked, id);
        }
        Instant graceEnd = f.at().plus(grace);
        long hours = grace.toHours();
        if (!now.isBefore(graceEnd)) {
            String reason = s.outage().map(o -> "Stripe could not be reached since " + when(o.since()) + " ("
                    + o.reason() + ") and the " + hours + "-hour grace ended at " + when(graceEnd)
                    + " \u2014 restore the internet connection, then refresh " + REFRESH)
                    .orElse("the license was last confirmed by Stripe at " + when(f.at()) + ", more than " + hours
                            + " hours ago \u2014 the desk checks again in the background; if this stays, restore the "
                            + "internet connection, then refresh " + REFRESH);
            return invalid(reason, f.periodEnd(), checked, id);
        }
        if (s.outage().isPresent()) {
            LicenseRecord.Outage o = s.outage().get();
            String reason = "grace: Stripe cannot be reached (" + o.reason() + "); the license confirmed at "
                    + when(f.at()) + " is honoured until " + when(graceEnd) + " \u2014 check the internet connection"
                    + pastDueWarning(f.status());
            return new LicenseState(LicenseStatus.GRACE, reason, true, f.periodEnd(), Optional.of(graceEnd), checked,
                    id);
        }
        return new LicenseState(LicenseStatus.LICENSED, licensedReason(f), true, f.periodEnd(), Optional.empty(),
                checked, id);
    }

    private static String licensedReason(LicenseRecord.Found f) {
        String until = f.periodEnd().map(e -> " (current period ends on " + day(e) + ")").orElse("");
        return switch (f.status()) {
            case "trialing" -> "licensed: trial subscription" + until;
            case "past_due" -> "licensed" + until + pastDueWarning(f.status());
            default -> "licensed: subscription active" + until;
        };
    }

    private static String pastDueWarning(String status) {
        return status.equals("past_due") ? "; warning: the last payment failed (past_due) \u2014 update the payment "
                + "method in Stripe before the subscription is suspended" : "";
    }

    /** Why a subscription with this (not paid) status is no license, and what to do. */
    static String unpaidReason(String status) {
        return switch (status) {
            case "canceled" -> "the subscription was canceled \u2014 subscribe again and activate the new license key "
                    + ACTIVATE;
            case "unpaid" -> "the subscription is unpaid: the payment retries are exhausted \u2014 pay the open "
                    + "invoice in Stripe, then refresh " + REFRESH;
            case "incomplete" -> "the subscription's first payment is not complete (incomplete) \u2014 complete it, "
                    + "then refresh " + REFRESH;
            case "incomplete_expired" -> "the subscription's first payment never completed (incomplete_expired) "
                    + "\u2014 subscribe again and activate the new license key " + ACTIVATE;
            case "paused" -> "the subscription is paused \u2014 resume it in Stripe, then refresh " + REFRESH;
            default -> "Stripe reports a subscription status this version does not know ('" + printable(status)
                    + "') \u2014 update BrokerBridge or contact support";
        };
    }

    /** Stripe's word as shown to a person: short and plain, whatever came over the wire. */
    private static String printable(String status) {
        String s = status.replaceAll("[^A-Za-z0-9_.-]", "?");
        return s.length() > 40 ? s.substring(0, 40) + "\u2026" : s;
    }

    private static LicenseState invalid(String reason, Optional<Instant> expires, Optional<Instant> checked,
            String id) {
        return new LicenseState(LicenseStatus.INVALID, reason, false, expires, Optional.empty(), checked, id);
    }

    private static String when(Instant t) {
        return MINUTE.format(t);
    }

    private static String day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
