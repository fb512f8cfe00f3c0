package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {
    private final TradingCalendar calendar = new TradingCalendar();

    @Test
    void countsTheTradingDaysOfRecentYearsLikeTheExchange() {
        assertEquals(251, tradingDays(2022));
        assertEquals(250, tradingDays(2023));
        assertEquals(252, tradingDays(2024));
    }

    @Test
    void knowsTheHolidaysOf2025() {
        for (String holiday : new String[] {"2025-01-01", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26",
                "2025-06-19", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"}) {
            assertFalse(calendar.isTradingDay(LocalDate.parse(holiday)), holiday);
        }
        assertTrue(calendar.isTradingDay(LocalDate.parse("2025-04-17")), "the Thursday before Good Friday");
        assertFalse(calendar.isTradingDay(LocalDate.parse("2025-03-15")), "a Saturday");
    }

    @Test
    void movesHolidaysOffTheWeekendButNotNewYearIntoTheOldYear() {
        assertFalse(calendar.isTradingDay(LocalDate.parse("2026-07-03")), "July 4th 2026 is a Saturday");
        assertFalse(calendar.isTradingDay(LocalDate.parse("2022-12-26")), "Christmas 2022 is a Sunday");
        assertTrue(calendar.isTradingDay(LocalDate.parse("2021-12-31")), "New Year 2022 is a Saturday");
    }

    @Test
    void findsEaster() {
        assertEquals(LocalDate.parse("2024-03-31"), TradingCalendar.easterSunday(2024));
        assertEquals(LocalDate.parse("2025-04-20"), TradingCalendar.easterSunday(2025));
        assertEquals(LocalDate.parse("2026-04-05"), TradingCalendar.easterSunday(2026));
    }

    @Test
    void findsThePreviousTradingDayAcrossWeekendsAndHolidays() {
        assertEquals(LocalDate.parse("2026-04-02"), calendar.previousTradingDay(LocalDate.parse("2026-04-06")));
        assertEquals(LocalDate.parse("2026-03-17"), calendar.previousTradingDay(LocalDate.parse("2026-03-18")));
    }

    private int tradingDays(int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (calendar.isTradingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
