package tech.brokerbridge.paper.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The symbols the simulated market lists, each with a plausible price level: roughly where the stock
 * or fund traded around the turn of 2025/26 (rounded, from memory of public quotes; a simulation is
 * not a quote). A symbol's simulated history is scaled so that it closes at its level on
 * {@link #REFERENCE_DATE} and wanders from there, so a new user does not see AAPL at 68. Symbols not
 * listed here are refused in simulated mode: they have no plausible level, and inventing one would
 * pretend to be a quote (use {@code paper.market_data=csv} or {@code ibkr} for them).
 */
final class SimulatedSymbols {
    /** The day each listed symbol closes at its level. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 2);

    private static final Map<String, Double> LEVELS = new TreeMap<>(Map.ofEntries(
            Map.entry("A", 135.0), Map.entry("AAPL", 270.0), Map.entry("ABBV", 228.0), Map.entry("ABNB", 135.0),
            Map.entry("ABT", 126.0), Map.entry("ADBE", 350.0), Map.entry("AMAT", 255.0), Map.entry("AMD", 215.0),
            Map.entry("AMGN", 330.0), Map.entry("AMZN", 230.0), Map.entry("AVGO", 350.0), Map.entry("AXP", 370.0),
            Map.entry("BA", 215.0), Map.entry("BAC", 55.0), Map.entry("BKNG", 5350.0), Map.entry("BLK", 1070.0),
            Map.entry("BMY", 54.0), Map.entry("BRK.B", 500.0), Map.entry("C", 117.0), Map.entry("CAT", 580.0),
            Map.entry("CMCSA", 30.0), Map.entry("COP", 93.0), Map.entry("COST", 870.0), Map.entry("CRM", 265.0),
            Map.entry("CSCO", 77.0), Map.entry("CVS", 79.0), Map.entry("CVX", 152.0), Map.entry("DE", 465.0),
            Map.entry("DHR", 230.0), Map.entry("DIA", 480.0), Map.entry("DIS", 114.0), Map.entry("DUK", 117.0),
            Map.entry("F", 13.0), Map.entry("FDX", 290.0), Map.entry("GE", 310.0), Map.entry("GILD", 123.0),
            Map.entry("GLD", 395.0), Map.entry("GM", 81.0), Map.entry("GOOG", 312.0), Map.entry("GOOGL", 310.0),
            Map.entry("GS", 880.0), Map.entry("HD", 345.0), Map.entry("HON", 195.0), Map.entry("IBM", 296.0),
            Map.entry("INTC", 38.0), Map.entry("INTU", 660.0), Map.entry("ISRG", 565.0), Map.entry("IWM", 250.0),
            Map.entry("JNJ", 205.0), Map.entry("JPM", 320.0), Map.entry("KO", 70.0), Map.entry("LIN", 430.0),
            Map.entry("LLY", 1050.0), Map.entry("LMT", 480.0), Map.entry("LOW", 240.0), Map.entry("MA", 570.0),
            Map.entry("MCD", 305.0), Map.entry("META", 660.0), Map.entry("MMM", 160.0), Map.entry("MO", 58.0),
            Map.entry("MRK", 105.0), Map.entry("MS", 178.0), Map.entry("MSFT", 485.0), Map.entry("MU", 285.0),
            Map.entry("NEE", 80.0), Map.entry("NFLX", 95.0), Map.entry("NKE", 64.0), Map.entry("NOW", 160.0),
            Map.entry("NVDA", 185.0), Map.entry("ORCL", 195.0), Map.entry("PEP", 145.0), Map.entry("PFE", 25.0),
            Map.entry("PG", 145.0), Map.entry("PLTR", 180.0), Map.entry("PM", 160.0), Map.entry("PYPL", 60.0),
            Map.entry("QCOM", 170.0), Map.entry("QQQ", 620.0), Map.entry("RTX", 183.0), Map.entry("SBUX", 85.0),
            Map.entry("SHOP", 160.0), Map.entry("SO", 87.0), Map.entry("SPGI", 520.0), Map.entry("SPY", 685.0),
            Map.entry("T", 25.0), Map.entry("TGT", 98.0), Map.entry("TLT", 88.0), Map.entry("TMO", 580.0),
            Map.entry("TMUS", 200.0), Map.entry("TSLA", 450.0), Map.entry("TXN", 175.0), Map.entry("UBER", 82.0),
            Map.entry("UNH", 330.0), Map.entry("UPS", 100.0), Map.entry("V", 350.0), Map.entry("VTI", 335.0),
            Map.entry("VZ", 41.0), Map.entry("WFC", 93.0), Map.entry("WMT", 112.0), Map.entry("XLE", 45.0),
            Map.entry("XLF", 55.0), Map.entry("XOM", 118.0)));

    private SimulatedSymbols() {
    }

    /** The symbol's level, or empty when the simulated market does not list it. */
    static Optional<Double> level(String symbol) {
        return Optional.ofNullable(LEVELS.get(symbol));
    }

    static int count() {
        return LEVELS.size();
    }

    /** Every listed symbol, in alphabetical order. */
    static java.util.List<String> all() {
        return java.util.List.copyOf(LEVELS.keySet());
    }

    /** Why an unlisted symbol is refused, for a person. */
    static String unknown(String symbol) {
        return "unknown symbol: " + symbol + " is not one of the " + LEVELS.size() + " well-known US symbols the"
                + " simulated market lists (e.g. AAPL, MSFT, SPY); simulated prices are never made up for others."
                + " Use paper.market_data=csv (your own daily bars) or ibkr (IB Gateway) to trade it";
    }
}
