package tech.brokerbridge.paper.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.brokerbridge.ports.market.MarketDataException;

/**
 * One {@code SYMBOL.csv} of daily bars, read and checked: a header naming the columns {@code date},
 * {@code open}, {@code high}, {@code low}, {@code close} and {@code volume} (any order, any case; other
 * columns such as Yahoo's {@code Adj Close} are ignored), then one row per trading day, oldest first,
 * dates as {@code yyyy-mm-dd}. A bad file is refused whole with up to {@value #MAX_PROBLEMS} problems,
 * each with its line number: a bad header, a wrong number of values, a date or number that does not
 * parse, a price that is not positive, a high below the open or close (or a low above them), dates out
 * of order or repeated, and trading days missing between two rows (by {@link TradingCalendar}).
 */
final class CsvBars {
    static final int MAX_PROBLEMS = 5;
    static final List<String> COLUMNS = List.of("date", "open", "high", "low", "close", "volume");

    /** One row. */
    record Day(LocalDate date, double open, double high, double low, double close, long volume) {
    }

    private CsvBars() {
    }

    /**
     * The rows of {@code lines} (the file's lines), oldest first.
     *
     * @throws MarketDataException ({@code INVALID_MARKET_DATA}) naming the file, the lines and what is wrong
     */
    static List<Day> parse(String file, List<String> lines, TradingCalendar calendar) {
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw invalid(file, List.of("line 1: the file is empty; it needs the header "
                    + String.join(",", COLUMNS) + " and one row per trading day"));
        }
        String[] header = split(lines.get(0).replace("\uFEFF", ""));
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            at[c] = indexOf(header, COLUMNS.get(c));
            if (at[c] < 0) {
                throw invalid(file, List.of("line 1: the header must name the columns " + String.join(",", COLUMNS)
                        + "; found " + String.join(",", header)));
            }
        }
        List<Day> days = new ArrayList<>();
        int previousLine = 0;
        for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int line = i + 1;
            String[] v = split(lines.get(i));
            if (v.length != header.length) {
                problems.add("line " + line + ": " + v.length + " values, the header has " + header.length);
                continue;
            }
            try {
                Day d = row(v, at, line);
                if (!days.isEmpty()) {
                    Day before = days.get(days.size() - 1);
                    order(before, d, previousLine, line, calendar).ifPresent(problems::add);
                }
                days.add(d);
                previousLine = line;
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty() && days.isEmpty()) {
            problems.add("line 2: no rows after the header");
        }
        if (!problems.isEmpty()) {
            throw invalid(file, problems);
        }
        return List.copyOf(days);
    }

    private static Day row(String[] v, int[] at, int line) {
        LocalDate date;
        try {
            date = LocalDate.parse(v[at[0]]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line " + line + ": date '" + v[at[0]] + "' is not a date (yyyy-mm-dd)");
        }
        double open = price(v[at[1]], "open", line);
        double high = price(v[at[2]], "high", line);
        double low = price(v[at[3]], "low", line);
        double close = price(v[at[4]], "close", line);
        double volume = number(v[at[5]], "volume", line);
        if (volume < 0) {
            throw new IllegalArgumentException("line " + line + ": volume " + v[at[5]] + " is negative");
        }
        if (high < Math.max(open, close) || low > Math.min(open, close)) {
            throw new IllegalArgumentException("line " + line + ": high " + v[at[2]] + " and low " + v[at[3]]
                    + " must enclose the open " + v[at[1]] + " and the close " + v[at[4]]);
        }
        return new Day(date, open, high, low, close, Math.round(volume));
    }

    /** A problem with the order of two consecutive rows: out of order, repeated, or trading days missing. */
    private static Optional<String> order(Day before, Day d, int beforeLine, int line,
            TradingCalendar calendar) {
        if (!d.date().isAfter(before.date())) {
            return Optional.of("line " + line + ": " + d.date() + (d.date().equals(before.date())
                    ? " repeats line " + beforeLine : " comes after " + before.date() + " (line " + beforeLine
                            + "): dates must be in ascending order, oldest first (sort the file by date)"));
        }
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate x = before.date().plusDays(1); x.isBefore(d.date()); x = x.plusDays(1)) {
            if (calendar.isTradingDay(x)) {
                missing.add(x);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String days = missing.size() <= 3 ? missing.toString()
                : "[" + missing.get(0) + " … " + missing.get(missing.size() - 1) + "] (" + missing.size() + " days)";
        return Optional.of("line " + line + ": a gap: trading day" + (missing.size() == 1 ? " " : "s ")
                + days + " missing between " + before.date() + " (line " + beforeLine + ") and " + d.date());
    }

    private static double price(String text, String column, int line) {
        double v = number(text, column, line);
        if (!(v > 0)) {
            throw new IllegalArgumentException("line " + line + ": " + column + " " + text + " is not a positive price");
        }
        return v;
    }

    private static double number(String text, String column, int line) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the message below says what was wrong
        }
        throw new IllegalArgumentException("line " + line + ": " + column + " '" + text + "' is not a number");
    }

    private static String[] split(String line) {
        return Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new);
    }

    private static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].toLowerCase(Locale.ROOT).equals(column)) {
                return i;
            }
        }
        return -1;
    }

    private static MarketDataException invalid(String file, List<String> problems) {
        return new MarketDataException(MarketDataException.Problem.INVALID_MARKET_DATA,
                file + " is not usable: " + String.join("; ", problems), null);
    }
}
