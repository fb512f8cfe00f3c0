package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.market.MarketDataException;

/** The CSV format and its checks: every problem named with its line. */
class CsvBarsTest {
    private final TradingCalendar calendar = new TradingCalendar();

    private List<CsvBars.Day> parse(String... lines) {
        return CsvBars.parse("AAPL.csv", List.of(lines), calendar);
    }

    private String problem(String... lines) {
        MarketDataException e = assertThrows(MarketDataException.class, () -> parse(lines));
        assertEquals(MarketDataException.Problem.INVALID_MARKET_DATA, e.problem());
        assertTrue(e.getMessage().startsWith("AAPL.csv is not usable: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theCommonEndOfDayLayoutsAreRead() {
        List<CsvBars.Day> stooq = parse("Date,Open,High,Low,Close,Volume", "2026-03-16,100,101,99,100.5,1000",
                "2026-03-17,100.5,102,100,101.5,2000.0");
        assertEquals(List.of(new CsvBars.Day(LocalDate.parse("2026-03-16"), 100, 101, 99, 100.5, 1000),
                new CsvBars.Day(LocalDate.parse("2026-03-17"), 100.5, 102, 100, 101.5, 2000)), stooq);
        List<CsvBars.Day> yahoo = parse("\uFEFFDate,Open,High,Low,Close,Adj Close,Volume",
                "2026-03-16,100,101,99,100.5,98.1,1000", "");
        assertEquals(100.5, yahoo.get(0).close(), "the close, not the adjusted close");
        List<CsvBars.Day> lower = parse("date,volume,close,low,high,open", "2026-03-16,5,100.5,99,101,100");
        assertEquals(100, lower.get(0).open(), "columns by name, in any order");
    }

    @Test
    void aGapOfTradingDaysIsNamedWithItsLines() {
        String p = problem("date,open,high,low,close,volume", "2026-03-12,1,1,1,1,1", "2026-03-17,1,1,1,1,1");
        assertTrue(p.contains("line 3: a gap: trading days [2026-03-13, 2026-03-16] missing between 2026-03-12"
                + " (line 2) and 2026-03-17"), p);
        parse("date,open,high,low,close,volume", "2026-04-02,1,1,1,1,1", "2026-04-06,1,1,1,1,1"); // Good Friday
    }

    @Test
    void unsortedAndRepeatedDatesAreRefused() {
        String p = problem("date,open,high,low,close,volume", "2026-03-17,1,1,1,1,1", "2026-03-16,1,1,1,1,1");
        assertTrue(p.contains("line 3: 2026-03-16 comes after 2026-03-17 (line 2): dates must be in ascending order"),
                p);
        assertTrue(problem("date,open,high,low,close,volume", "2026-03-17,1,1,1,1,1", "2026-03-17,1,1,1,1,1")
                .contains("line 3: 2026-03-17 repeats line 2"));
    }

    @Test
    void badValuesAreNamedByLineAndColumn() {
        String h = "date,open,high,low,close,volume";
        assertTrue(problem(h, "16/03/2026,1,1,1,1,1").contains("line 2: date '16/03/2026' is not a date (yyyy-mm-dd)"));
        assertTrue(problem(h, "2026-03-16,null,1,1,1,1").contains("line 2: open 'null' is not a number"));
        assertTrue(problem(h, "2026-03-16,1,1,1,NaN,1").contains("line 2: close 'NaN' is not a number"));
        assertTrue(problem(h, "2026-03-16,1,1,0,1,1").contains("line 2: low 0 is not a positive price"));
        assertTrue(problem(h, "2026-03-16,1,1,1,1,-5").contains("line 2: volume -5 is negative"));
        assertTrue(problem(h, "2026-03-16,10,9,8,9.5,1").contains("line 2: high 9 and low 8 must enclose the open 10"));
        assertTrue(problem(h, "2026-03-16,1,1,1,1").contains("line 2: 5 values, the header has 6"));
        assertTrue(problem("date,open,high,low,close", "2026-03-16,1,1,1,1")
                .contains("line 1: the header must name the columns date,open,high,low,close,volume"));
        assertTrue(problem().contains("line 1: the file is empty"));
        assertTrue(problem(h).contains("line 2: no rows after the header"));
    }

    @Test
    void severalProblemsAreReportedAtOnceUpToFive() {
        String h = "date,open,high,low,close,volume";
        String p = problem(h, "x,1,1,1,1,1", "y,1,1,1,1,1", "z,1,1,1,1,1", "u,1,1,1,1,1", "v,1,1,1,1,1",
                "w,1,1,1,1,1", "q,1,1,1,1,1");
        assertEquals(5, p.split("; ").length, p);
        assertTrue(p.contains("line 2:") && p.contains("line 6:") && !p.contains("line 7:"), p);
    }
}
