package tech.brokerbridge.paper.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paper exchange's calendar, the same whatever its prices come from: weekdays minus the US
 * exchange holidays and the unscheduled closures listed below, one regular session 09:30–16:00 New
 * York time (13:30–20:00 UTC in summer, 14:30–21:00 UTC in winter; early closes are not modelled).
 * Orders fill only inside the session. Thread-safe.
 */
public final class TradingCalendar {
    /** The exchanges' time zone. */
    public static final ZoneId EXCHANGE = ZoneId.of("America/New_York");
    /** Session open, New York time. */
    public static final LocalTime OPEN = LocalTime.of(9, 30);
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
        return date.atTime(OPEN).atZone(EXCHANGE).toInstant();
    }

    /** The session close of {@code date}, as an instant. */
    public static Instant closeOf(LocalDate date) {
        return openOf(date).plusSeconds(SESSION_MINUTES * 60L);
    }

    /** True when {@code t} lies in a regular session (open and close included). */
    public boolean inSession(Instant t) {
        LocalDate date = LocalDate.ofInstant(t, ZoneOffset.UTC);
        return isTradingDay(date) && !t.isBefore(openOf(date)) && !t.isAfter(closeOf(date));
    }

    /** The first session open after {@code t} (the same day's when {@code t} is before it). */
    public Instant nextOpen(Instant t) {
        LocalDate date = LocalDate.ofInstant(t, ZoneOffset.UTC);
        if (isTradingDay(date) && t.isBefore(openOf(date))) {
            return openOf(date);
        }
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return openOf(d);
    }

    /** Unscheduled full-day closures of the US exchanges (national days of mourning, storms, 9/11). */
    private static final Set<LocalDate> CLOSURES = Set.of(LocalDate.of(1985, 9, 27), LocalDate.of(1994, 4, 27),
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13), LocalDate.of(2001, 9, 14),
            LocalDate.of(2004, 6, 11), LocalDate.of(2007, 1, 2), LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30),
            LocalDate.of(2018, 12, 5), LocalDate.of(2025, 1, 9));

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
        CLOSURES.stream().filter(d -> d.getYear() == year).forEach(days::add);
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
