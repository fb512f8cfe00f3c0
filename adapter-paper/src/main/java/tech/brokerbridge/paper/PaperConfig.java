package tech.brokerbridge.paper;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the paper account and of the prices it trades on.
 *
 * @param startingCash cash a new account starts with ({@code paper.starting_cash}, default 100000); positive.
 *     An account loaded from the state directory keeps its own cash: this applies to new accounts only
 * @param currency account currency, three capital letters ({@code paper.currency}, default {@code USD})
 * @param seed seed of the synthetic price histories ({@code paper.seed}, default 7); together with the
 *     symbol it fixes every bar, so the same seed always gives the same market
 * @param stateDirectory where the account is kept (default: empty, the account lives in memory and is
 *     gone with the process). When present, the account (cash, positions, every bracket and its legs,
 *     fills, today's figures, the market's simulated time) is kept in {@code paper-account.json} in this
 *     directory, saved durably before each call that changed it returns, and loaded again by
 *     {@link PaperFactory#create}. The desk passes its data directory here. A loaded account keeps its
 *     currency and seed: the configuration must name the same ones
 * @param marketData where prices come from ({@code paper.market_data}, default {@link MarketDataChoice#SIMULATED}),
 *     independent of where orders go: the orders are always kept and filled in this paper account. An
 *     account that changes source keeps its positions, valued on the new source's prices from then on
 * @param csvFolder the folder of {@code SYMBOL.csv} daily bars ({@code paper.csv_folder}); required for
 *     {@link MarketDataChoice#CSV}, ignored otherwise
 */
public record PaperConfig(double startingCash, String currency, long seed, Optional<Path> stateDirectory,
        MarketDataChoice marketData, Optional<Path> csvFolder) {

    /** Where the paper account's prices come from. */
    public enum MarketDataChoice {
        /** Deterministic simulated prices for well-known US symbols (the default); never real quotes. */
        SIMULATED,
        /** Bars and prices from IB Gateway (live, or delayed when live data is not permitted). */
        IBKR,
        /** Daily bars from CSV files the user supplies, one {@code SYMBOL.csv} per symbol. */
        CSV;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code simulated}, {@code ibkr} or {@code csv} (any case). */
        public static MarketDataChoice fromWire(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    public PaperConfig {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(csvFolder, "csvFolder");
        if (!(startingCash > 0) || Double.isInfinite(startingCash)) {
            throw new IllegalArgumentException("paper.starting_cash must be a positive amount");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("paper.currency must be three capital letters, e.g. USD");
        }
        if (marketData == MarketDataChoice.CSV && csvFolder.isEmpty()) {
            throw new IllegalArgumentException("paper.market_data=csv needs paper.csv_folder, the folder of"
                    + " SYMBOL.csv files");
        }
    }

    /** On simulated prices. */
    public PaperConfig(double startingCash, String currency, long seed, Optional<Path> stateDirectory) {
        this(startingCash, currency, seed, stateDirectory, MarketDataChoice.SIMULATED, Optional.empty());
    }

    /** An account that lives in memory only, on simulated prices. */
    public PaperConfig(double startingCash, String currency, long seed) {
        this(startingCash, currency, seed, Optional.empty());
    }

    /** 100000 USD, seed 7, in memory only, simulated prices. */
    public static PaperConfig defaults() {
        return new PaperConfig(100_000, "USD", 7L);
    }

    /** The defaults, with the account kept in {@code directory} (see {@link #stateDirectory()}). */
    public static PaperConfig persistentIn(Path directory) {
        return defaults().withStateDirectory(directory);
    }

    /** This configuration with the account kept in {@code directory} (see {@link #stateDirectory()}). */
    public PaperConfig withStateDirectory(Path directory) {
        return new PaperConfig(startingCash, currency, seed, Optional.of(Objects.requireNonNull(directory, "directory")),
                marketData, csvFolder);
    }

    /** This configuration on real prices from IB Gateway (see {@link PaperFactory#create(PaperConfig, java.time.Clock, tech.brokerbridge.ports.market.MarketData)}). */
    public PaperConfig withIbkrPrices() {
        return new PaperConfig(startingCash, currency, seed, stateDirectory, MarketDataChoice.IBKR, Optional.empty());
    }

    /** This configuration on the daily bars in {@code folder}, one {@code SYMBOL.csv} per symbol. */
    public PaperConfig withCsvPrices(Path folder) {
        return new PaperConfig(startingCash, currency, seed, stateDirectory, MarketDataChoice.CSV,
                Optional.of(Objects.requireNonNull(folder, "folder")));
    }
}
