package tech.brokerbridge.ibkr.internal.market;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.market.MarketSession;

/**
 * A contract's regular sessions from its details' {@code liquidHours}, in its {@code timeZoneId}. IB
 * writes them as {@code 20260302:0930-20260302:1600;20260303:CLOSED} (older gateways as
 * {@code 20260302:0930-1600}); a day may hold several ranges separated by commas. When the details
 * say nothing usable, US stock hours are assumed: weekdays 09:30–16:00 New York time.
 */
public final class TradingHours {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** One regular session. */
    public record Session(Instant open, Instant close) {
    }

    private TradingHours() {
    }

    /** The sessions listed; parts that do not parse are skipped. */
    public static List<Session> parse(String liquidHours, String timeZoneId) {
        ZoneId zone = zone(timeZoneId);
        List<Session> out = new ArrayList<>();
        for (String day : liquidHours.split(";")) {
            int colon = day.indexOf(':');
            if (colon != 8 || day.endsWith("CLOSED")) {
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(day.substring(0, 8), DAY);
                for (String range : day.substring(9).split(",")) {
                    String[] ends = range.split("-");
                    if (ends.length == 2) {
                        out.add(new Session(at(date, ends[0], zone), at(date, ends[1], zone)));
                    }
                }
            } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
                // a malformed day: the others still count
            }
        }
        return out;
    }

    /** The session at {@code now} by the listed sessions, or empty when {@code now} lies beyond them. */
    public static Optional<MarketSession> at(Instant now, List<Session> sessions) {
        Instant nextOpen = null;
        Instant last = null;
        for (Session s : sessions) {
            if (!now.isBefore(s.open()) && !now.isAfter(s.close())) {
                return Optional.of(new MarketSession.Open(s.close()));
            }
            if (s.open().isAfter(now) && (nextOpen == null || s.open().isBefore(nextOpen))) {
                nextOpen = s.open();
            }
            last = last == null || s.close().isAfter(last) ? s.close() : last;
        }
        return nextOpen == null ? Optional.empty() : Optional.of(new MarketSession.Closed(nextOpen));
    }

    /** US stock hours without a holiday calendar: weekdays 09:30–16:00 New York time. */
    public static MarketSession regular(Instant now) {
        ZonedDateTime t = now.atZone(NEW_YORK);
        LocalDate d = t.toLocalDate();
        Instant open = d.atTime(9, 30).atZone(NEW_YORK).toInstant();
        Instant close = d.atTime(16, 0).atZone(NEW_YORK).toInstant();
        if (weekday(d) && !now.isBefore(open) && !now.isAfter(close)) {
            return new MarketSession.Open(close);
        }
        LocalDate next = weekday(d) && now.isBefore(open) ? d : d.plusDays(1);
        while (!weekday(next)) {
            next = next.plusDays(1);
        }
        return new MarketSession.Closed(next.atTime(9, 30).atZone(NEW_YORK).toInstant());
    }

    private static boolean weekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** {@code 0930} on {@code date}, or a full {@code 20260302:1600}. */
    private static Instant at(LocalDate date, String text, ZoneId zone) {
        String t = text.strip();
        LocalDate d = date;
        if (t.length() == 13 && t.charAt(8) == ':') {
            d = LocalDate.parse(t.substring(0, 8), DAY);
            t = t.substring(9);
        }
        LocalTime time = LocalTime.of(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2, 4)));
        return d.atTime(time).atZone(zone).toInstant();
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? NEW_YORK : ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return NEW_YORK;
        }
    }
}
