package tech.brokerbridge.ibkr.internal.market;

import java.time.Period;

/**
 * A calendar lookback as IB's durationStr. Years and months map to {@code Y} / {@code M} (calendar
 * spans at IB). Day counts map to {@code D}, which IB counts in trading sessions, so that asks for
 * at least as many bars as the calendar span holds; the caller trims to the period. More than 365
 * days are sent in years (IB rejects more than 365 D with error 321).
 */
public final class Durations {
    private Durations() {
    }

    public static String of(Period p) {
        if (p.isNegative() || p.isZero()) {
            throw new IllegalArgumentException("lookback must be positive: " + p);
        }
        long months = p.toTotalMonths();
        if (p.getDays() == 0) {
            return months % 12 == 0 ? (months / 12) + " Y" : months + " M";
        }
        long days = months * 31 + p.getDays();
        if (days <= 365) {
            return days + " D";
        }
        return ((days + 364) / 365) + " Y";
    }
}
