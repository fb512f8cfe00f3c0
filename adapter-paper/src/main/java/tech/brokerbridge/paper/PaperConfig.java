package tech.brokerbridge.paper;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingRule;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * Configuration of the paper account and of the prices it trades on. It owns the settings
 * {@link #STARTING_CASH}, {@link #MARKET_DATA}, {@link #CSV_FOLDER}, {@link #COMMISSION_PER_SHARE} and
 * {@link #COMMISSION_MINIMUM} ({@link #SETTINGS}, with the rule that CSV prices need their folder) and
 * builds itself from configured values with {@link #from}.
 *
 * @param startingCash cash a new account starts with ({@link #STARTING_CASH}). An account loaded from
 *     the state directory keeps its own cash: this applies to new accounts only
 * @param currency account currency, three capital letters (default {@code USD})
 * @param seed seed of the synthetic price histories (default 7); together with the symbol it fixes
 *     every bar, so the same seed always gives the same market
 * @param stateDirectory where the account is kept (default: empty, the account lives in memory and is
 *     gone with the process). When present, the account (cash, positions, every bracket and its legs,
 *     fills, today's figures, the market's simulated time) is kept in {@code paper-account.json} in this
 *     directory, saved durably before each call that changed it returns, and loaded again by
 *     {@link PaperFactory#create}. The desk passes its data directory here. A loaded account keeps its
 *     currency and seed: the configuration must name the same ones
 * @param marketData where prices come from ({@link #MARKET_DATA}, default {@link MarketDataChoice#SIMULATED}),
 *     independent of where orders go: the orders are always kept and filled in this paper account. An
 *     account that changes source keeps its positions, valued on the new source's prices from then on
 * @param csvFolder the folder of {@code SYMBOL.csv} daily bars ({@link #CSV_FOLDER}); required for
 *     {@link MarketDataChoice#CSV}, ignored otherwise
 * @param commissionPerShare what each execution costs per share ({@link #COMMISSION_PER_SHARE}, IB's
 *     fixed pricing for US stocks by default)
 * @param commissionMinimum the least an execution costs ({@link #COMMISSION_MINIMUM}, IB fixed's minimum
 *     per order by default). As at IB, no execution costs more than 1 % of its value; with both 0 the
 *     paper broker charges nothing
 */
public record PaperConfig(double startingCash, String currency, long seed, Optional<Path> stateDirectory,
        MarketDataChoice marketData, Optional<Path> csvFolder, double commissionPerShare, double commissionMinimum) {
    /** IB's fixed pricing for US stocks: per share. */
    public static final double IB_FIXED_PER_SHARE = 0.005;
    /** IB's fixed pricing for US stocks: the minimum per order. */
    public static final double IB_FIXED_MINIMUM = 1.00;
    public static final Setting<Double> STARTING_CASH = Setting.decimalAbove("paper.starting_cash", 0, 1e12, 100_000,
            "paper account starting cash (USD)");
    public static final Setting<String> MARKET_DATA = Setting.choice("paper.market_data",
            List.of("simulated", "ibkr", "csv"), "simulated",
            "the paper account's prices: simulated, IB Gateway's (ibkr.*), or daily bars in paper.csv_folder");
    public static final Setting<String> CSV_FOLDER = Setting.text("paper.csv_folder", Pattern.compile("[^\\u0000]{0,4096}"),
            "a folder", "", "folder of SYMBOL.csv daily bars (date,open,high,low,close,volume) for"
                    + " paper.market_data=csv; relative to the data directory unless absolute");
    public static final Setting<Double> COMMISSION_PER_SHARE = Setting.decimal("paper.commission_per_share", 0, 1,
            IB_FIXED_PER_SHARE, "commission per share of each paper execution (USD; IB fixed: 0.005)");
    public static final Setting<Double> COMMISSION_MINIMUM = Setting.decimal("paper.commission_minimum", 0, 100,
            IB_FIXED_MINIMUM, "least commission per paper execution (USD; IB fixed: 1.00); at most 1 % of its value");
    /** The adapter's settings, and the rule that CSV prices need their folder. */
    public static final SettingGroup SETTINGS = SettingGroup.of("PaperConfig",
            List.of(STARTING_CASH, MARKET_DATA, CSV_FOLDER, COMMISSION_PER_SHARE, COMMISSION_MINIMUM),
            new SettingRule(List.of(MARKET_DATA, CSV_FOLDER), v -> v.get(MARKET_DATA).equals("csv")
                    && v.get(CSV_FOLDER).isBlank() ? Optional.of("paper.market_data is csv but paper.csv_folder is"
                            + " empty: name the folder of SYMBOL.csv files") : Optional.empty()));

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
        SETTINGS.require(Map.of(STARTING_CASH, startingCash, COMMISSION_PER_SHARE, commissionPerShare,
                COMMISSION_MINIMUM, commissionMinimum));
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("paper.currency must be three capital letters, e.g. USD");
        }
        if (marketData == MarketDataChoice.CSV && csvFolder.isEmpty()) {
            throw new IllegalArgumentException("paper.market_data=csv needs paper.csv_folder, the folder of"
                    + " SYMBOL.csv files");
        }
    }

    /** With IB's fixed commissions. */
    public PaperConfig(double startingCash, String currency, long seed, Optional<Path> stateDirectory,
            MarketDataChoice marketData, Optional<Path> csvFolder) {
        this(startingCash, currency, seed, stateDirectory, marketData, csvFolder, IB_FIXED_PER_SHARE, IB_FIXED_MINIMUM);
    }

    /** On simulated prices, with IB's fixed commissions. */
    public PaperConfig(double startingCash, String currency, long seed, Optional<Path> stateDirectory) {
        this(startingCash, currency, seed, stateDirectory, MarketDataChoice.SIMULATED, Optional.empty());
    }

    /** An account that lives in memory only, on simulated prices, with IB's fixed commissions. */
    public PaperConfig(double startingCash, String currency, long seed) {
        this(startingCash, currency, seed, Optional.empty());
    }

    /** 100000 USD, seed 7, in memory only, simulated prices, IB's fixed commissions. */
    public static PaperConfig defaults() {
        return from(SettingsView.defaults());
    }

    /**
     * The configuration from configured values: USD, seed 7, in memory only; a relative CSV folder stays
     * relative (see {@link #withStateDirectory}: the desk resolves it against its data directory).
     */
    public static PaperConfig from(SettingsView settings) {
        String folder = settings.get(CSV_FOLDER).strip();
        return new PaperConfig(settings.get(STARTING_CASH), "USD", 7L, Optional.empty(),
                MarketDataChoice.fromWire(settings.get(MARKET_DATA)),
                folder.isEmpty() ? Optional.empty() : Optional.of(Path.of(folder)), settings.get(COMMISSION_PER_SHARE),
                settings.get(COMMISSION_MINIMUM));
    }

    /** The defaults, with the account kept in {@code directory} (see {@link #stateDirectory()}). */
    public static PaperConfig persistentIn(Path directory) {
        return defaults().withStateDirectory(directory);
    }

    /**
     * This configuration with the account kept in {@code directory} (see {@link #stateDirectory()}); a
     * relative CSV folder is taken as relative to it.
     */
    public PaperConfig withStateDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new PaperConfig(startingCash, currency, seed, Optional.of(directory), marketData,
                csvFolder.map(directory::resolve), commissionPerShare, commissionMinimum);
    }

    /** This configuration charging {@code perShare} per share and at least {@code minimum} per execution. */
    public PaperConfig withCommissions(double perShare, double minimum) {
        return new PaperConfig(startingCash, currency, seed, stateDirectory, marketData, csvFolder, perShare, minimum);
    }

    /** This configuration on real prices from IB Gateway (see {@link PaperFactory#create(PaperConfig, java.time.Clock, tech.brokerbridge.ports.market.MarketData)}). */
    public PaperConfig withIbkrPrices() {
        return new PaperConfig(startingCash, currency, seed, stateDirectory, MarketDataChoice.IBKR, Optional.empty(),
                commissionPerShare, commissionMinimum);
    }

    /** This configuration on the daily bars in {@code folder}, one {@code SYMBOL.csv} per symbol. */
    public PaperConfig withCsvPrices(Path folder) {
        return new PaperConfig(startingCash, currency, seed, stateDirectory, MarketDataChoice.CSV,
                Optional.of(Objects.requireNonNull(folder, "folder")), commissionPerShare, commissionMinimum);
    }
}
