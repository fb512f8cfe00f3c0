package tech.brokerbridge.paper.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated exchange's calendar: weekdays minus the usual US exchange holidays, one regular
 * session 14:30–21:00 UTC (New York hours without daylight saving, which a simulation can ignore).
 * Thread-safe.
 */
public final class TradingCalendar {
    /** Session open, UTC. */
    public static final LocalTime OPEN = LocalTime.of(14, 30);
    /** Minutes in the session: 14:30–21:00. */
    public static final int SESSION_MINUTES = 390;
    /** The simulated price moves once per step of this many minutes. */
    public static final int STEP_MINUTES = 5;
    /** Price steps in a session. */
    public static final int SESSION_STEPS = SESSION_MINUTES / STEP_MINUTES;

    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return !holidaysByYear.computeIfAbsent(date.getYear(), TradingCalendar::holidays).contains(date);
    }

    /** The last trading day strictly before {@code date}. */
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The session open of {@code date}, as an instant. */
    public static Instant openOf(LocalDate date) {
        return date.atTime(OPEN).toInstant(ZoneOffset.UTC);
    }

    /** The session close of {@code date}, as an instant. */
    public static Instant closeOf(LocalDate date) {
        return openOf(date).plusSeconds(SESSION_MINUTES * 60L);
    }

    static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        // New Year's Day: a Saturday holiday is not moved back into the old year.
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.add(newYear.plusDays(1));
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            days.add(newYear);
        }
        days.add(nthWeekday(year, 1, DayOfWeek.MONDAY, 3));   // Martin Luther King Jr. Day
        days.add(nthWeekday(year, 2, DayOfWeek.MONDAY, 3));   // Washington's Birthday
        days.add(easterSunday(year).minusDays(2));            // Good Friday
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))); // Memorial Day
        if (year >= 2022) {
            days.add(observed(LocalDate.of(year, 6, 19)));    // Juneteenth
        }
        days.add(observed(LocalDate.of(year, 7, 4)));         // Independence Day
        days.add(nthWeekday(year, 9, DayOfWeek.MONDAY, 1));   // Labor Day
        days.add(nthWeekday(year, 11, DayOfWeek.THURSDAY, 4)); // Thanksgiving
        days.add(observed(LocalDate.of(year, 12, 25)));       // Christmas
        return Set.copyOf(days);
    }

    private static LocalDate observed(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static LocalDate nthWeekday(int year, int month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
