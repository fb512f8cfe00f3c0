package tech.brokerbridge.ibkr.fake;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Inbound.HistoricalBar;

/** Deterministic daily bars for the fake gateway: weekdays only, labelled yyyyMMdd as IB does. */
public final class Bars {
    private Bars() {
    }

    /**
     * The bars a duration covers, counted back from the last bar: {@code N Y/M/W} as calendar spans,
     * {@code N D} as N trading days, as TWS does.
     */
    public static List<HistoricalBar> within(List<HistoricalBar> bars, String duration) {
        if (bars.isEmpty()) {
            return bars;
        }
        String[] p = duration.trim().split(" ");
        int n = Integer.parseInt(p[0]);
        if (p[1].equals("D")) {
            return bars.subList(Math.max(0, bars.size() - n), bars.size());
        }
        LocalDate last = LocalDate.parse(bars.get(bars.size() - 1).date(), DateTimeFormatter.BASIC_ISO_DATE);
        LocalDate from = switch (p[1]) {
            case "Y" -> last.minusYears(n);
            case "M" -> last.minusMonths(n);
            case "W" -> last.minusWeeks(n);
            default -> last.minusDays(n);
        };
        return bars.stream().filter(b -> LocalDate.parse(b.date(), DateTimeFormatter.BASIC_ISO_DATE).isAfter(from))
                .toList();
    }

    /** {@code n} weekday bars ending on {@code last}, oldest first; prices drift up from {@code start}. */
    public static List<HistoricalBar> daily(LocalDate last, int n, double start) {
        List<HistoricalBar> out = new ArrayList<>();
        LocalDate d = last;
        while (out.size() < n) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                double base = start + (n - out.size()) * -0.1 + n * 0.1;
                out.add(new HistoricalBar(d.format(DateTimeFormatter.BASIC_ISO_DATE), base, base + 1.5, base - 1.0,
                        base + 0.5, 1_000_000 + out.size(), base + 0.2, 5000));
            }
            d = d.minusDays(1);
        }
        Collections.reverse(out);
        return out;
    }
}
