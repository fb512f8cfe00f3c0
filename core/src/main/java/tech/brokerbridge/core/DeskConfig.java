package tech.brokerbridge.core;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.config.InvalidSettingsException;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingRule;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * The desk's business configuration. It owns its settings: each is declared here once, with its key,
 * range, default and description ({@link #SETTINGS}), and {@link #from} builds the record from
 * configured values. Every value is checked against those declarations; a bad value throws an
 * {@link InvalidSettingsException} (an {@link IllegalArgumentException}) whose message lists every
 * problem of the record, each naming its key (e.g. {@code risk.max_position_size_pct must be greater
 * than 0 and at most 100, got 150.0}). A duration given in code must be more than zero and at most
 * its setting's maximum; it may be finer than the whole minutes a user configures.
 *
 * <p>Settings: {@link #WATCHLIST}, {@link #SCAN_INTERVAL_MINUTES}, {@link #MAX_AI_CANDIDATES},
 * {@link #PROPOSAL_TTL_MINUTES}, {@link #PROPOSAL_COOLDOWN_MINUTES} (after a rejection or an expiry, how
 * long the same symbol, direction and setup type is not proposed again unless the setup changes
 * materially; 0 meaning the rest of the US trading day, until 16:00 New York time),
 * {@link #TRADING_MODE} ({@link #tradingMode}: the kind of account the desk may trade; on any other it is
 * read-only and approvals answer {@code account_mode_mismatch}; the setup use cases also read it), the scoring
 * weights ({@link ScoreWeights}), the risk limits ({@link RiskLimits}) and the license timings
 * ({@link License}). Not settings: {@code bars_for_advisor} (60, 1 to 1000: how many of the latest
 * daily bars the advisor sees) and {@code evaluation_period} (14 days: a product term).
 *
 * <p>Immutable and thread-safe.
 */
public record DeskConfig(String version, List<String> watchlist, Duration scanInterval, int maxAiCandidates,
        ScoreWeights weights, RiskLimits risk, Duration proposalTtl, int barsForAdvisor, Duration evaluationPeriod,
        License license, Duration proposalCooldown, TradingMode tradingMode) {

    /** The default watchlist: liquid US stocks. */
    public static final List<String> DEFAULT_WATCHLIST = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META",
            "TSLA", "JPM", "V", "MA", "UNH", "HD", "PG", "XOM", "JNJ", "COST", "AVGO", "LLY", "NFLX", "AMD");

    /** The most symbols a watchlist may hold: a scan reads a year of bars for each. */
    public static final int MAX_WATCHLIST = 500;

    /** The default {@link #proposalCooldown}: zero, the rest of the US trading day. */
    public static final Duration REST_OF_TRADING_DAY = Duration.ZERO;

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,11}");

    public static final Setting<List<String>> WATCHLIST = Setting.list("watchlist", SYMBOL,
            "a ticker symbol (A-Z, 0-9, '.', '-')", 1, MAX_WATCHLIST, DEFAULT_WATCHLIST,
            "symbols the scan reads, at most " + MAX_WATCHLIST);
    public static final Setting<Integer> SCAN_INTERVAL_MINUTES = Setting.integer("scan_interval_minutes", 1, 1440, 5,
            "minutes between scans while trading");
    public static final Setting<Integer> MAX_AI_CANDIDATES = Setting.integer("max_ai_candidates", 1, 50, 3,
            "best setups per scan sent to the advisor");
    public static final Setting<Integer> PROPOSAL_TTL_MINUTES = Setting.integer("proposal_ttl_minutes", 1, 1440, 30,
            "a pending proposal expires after this");
    public static final Setting<Integer> PROPOSAL_COOLDOWN_MINUTES = Setting.integer("proposal_cooldown_minutes", 0,
            10080, 0, "after a rejection or an expiry, the same symbol, direction and setup type is not proposed"
                    + " again for this long unless the setup changes materially; 0: the rest of the US trading day");
    /** Read by the setup use cases: {@code live} needs the IB broker and a license that allows it. */
    public static final Setting<String> TRADING_MODE = Setting.choice("trading_mode", List.of("paper", "live"), "paper",
            "live needs broker.kind ibkr and a license that allows live trading (POST /api/setup/config checks both)");

    private static final SettingGroup OWN = SettingGroup.of("DeskConfig", List.of(WATCHLIST, SCAN_INTERVAL_MINUTES,
            MAX_AI_CANDIDATES, PROPOSAL_TTL_MINUTES, PROPOSAL_COOLDOWN_MINUTES, TRADING_MODE));

    /** Every setting of the desk's business configuration, its parts' included, with their rules. */
    public static final SettingGroup SETTINGS = SettingGroup.union("DeskConfig", List.of(OWN, ScoreWeights.SETTINGS,
            RiskLimits.SETTINGS, License.SETTINGS));

    private static final int DEFAULT_BARS_FOR_ADVISOR = 60;
    private static final Duration EVALUATION_PERIOD = Duration.ofDays(14);

    public DeskConfig {
        List<SettingProblem> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add(SettingProblem.of("version", "version must not be blank"));
        }
        watchlist = normalizeWatchlist(watchlist);
        problems.addAll(OWN.problems(Map.of(WATCHLIST, watchlist, MAX_AI_CANDIDATES, maxAiCandidates)));
        SCAN_INTERVAL_MINUTES.durationProblem(scanInterval, ChronoUnit.MINUTES)
                .ifPresent(p -> problems.add(SettingProblem.of(SCAN_INTERVAL_MINUTES.key(), p)));
        PROPOSAL_TTL_MINUTES.durationProblem(proposalTtl, ChronoUnit.MINUTES)
                .ifPresent(p -> problems.add(SettingProblem.of(PROPOSAL_TTL_MINUTES.key(), p)));
        if (weights == null) {
            problems.add(SettingProblem.of("scoring", "scoring weights are missing"));
        }
        if (risk == null) {
            problems.add(SettingProblem.of("risk", "risk limits are missing"));
        }
        if (barsForAdvisor < 1 || barsForAdvisor > 1000) {
            problems.add(SettingProblem.of("bars_for_advisor", "bars_for_advisor must be between 1 and 1000, got "
                    + barsForAdvisor));
        }
        if (evaluationPeriod == null || evaluationPeriod.isNegative() || evaluationPeriod.isZero()) {
            problems.add(SettingProblem.of("evaluation_period", "evaluation_period must be positive"));
        }
        if (license == null) {
            problems.add(SettingProblem.of("license", "license settings are missing"));
        }
        PROPOSAL_COOLDOWN_MINUTES.durationProblem(proposalCooldown, ChronoUnit.MINUTES)
                .ifPresent(p -> problems.add(SettingProblem.of(PROPOSAL_COOLDOWN_MINUTES.key(), p)));
        if (tradingMode == null) {
            problems.add(SettingProblem.of(TRADING_MODE.key(), "trading_mode is missing"));
        }
        throwIfAny(problems);
    }

    /** In {@link TradingMode#PAPER} mode. */
    public DeskConfig(String version, List<String> watchlist, Duration scanInterval, int maxAiCandidates,
            ScoreWeights weights, RiskLimits risk, Duration proposalTtl, int barsForAdvisor, Duration evaluationPeriod,
            License license, Duration proposalCooldown) {
        this(version, watchlist, scanInterval, maxAiCandidates, weights, risk, proposalTtl, barsForAdvisor,
                evaluationPeriod, license, proposalCooldown, TradingMode.PAPER);
    }

    /** With the default cool-down ({@link #REST_OF_TRADING_DAY}). */
    public DeskConfig(String version, List<String> watchlist, Duration scanInterval, int maxAiCandidates,
            ScoreWeights weights, RiskLimits risk, Duration proposalTtl, int barsForAdvisor,
            Duration evaluationPeriod, License license) {
        this(version, watchlist, scanInterval, maxAiCandidates, weights, risk, proposalTtl, barsForAdvisor,
                evaluationPeriod, license, REST_OF_TRADING_DAY);
    }

    /** Without license settings ({@link License#defaults()}) and with the default cool-down. */
    public DeskConfig(String version, List<String> watchlist, Duration scanInterval, int maxAiCandidates,
            ScoreWeights weights, RiskLimits risk, Duration proposalTtl, int barsForAdvisor,
            Duration evaluationPeriod) {
        this(version, watchlist, scanInterval, maxAiCandidates, weights, risk, proposalTtl, barsForAdvisor,
                evaluationPeriod, License.defaults());
    }

    /**
     * The configuration from configured values, with the given product version.
     *
     * @throws InvalidSettingsException when a value breaks its declaration or a rule (a view from the
     *     launcher never does)
     */
    public static DeskConfig from(String version, SettingsView settings) {
        return new DeskConfig(version, settings.get(WATCHLIST),
                Duration.ofMinutes(settings.get(SCAN_INTERVAL_MINUTES)), settings.get(MAX_AI_CANDIDATES),
                ScoreWeights.from(settings), RiskLimits.from(settings),
                Duration.ofMinutes(settings.get(PROPOSAL_TTL_MINUTES)), DEFAULT_BARS_FOR_ADVISOR, EVALUATION_PERIOD,
                License.from(settings), Duration.ofMinutes(settings.get(PROPOSAL_COOLDOWN_MINUTES)),
                TradingMode.fromWire(settings.get(TRADING_MODE)));
    }

    /** The same configuration with these license settings. */
    public DeskConfig withLicense(License settings) {
        return new DeskConfig(version, watchlist, scanInterval, maxAiCandidates, weights, risk, proposalTtl,
                barsForAdvisor, evaluationPeriod, settings, proposalCooldown, tradingMode);
    }

    /** The same configuration with this cool-down ({@link #REST_OF_TRADING_DAY} for the rest of the day). */
    public DeskConfig withProposalCooldown(Duration cooldown) {
        return new DeskConfig(version, watchlist, scanInterval, maxAiCandidates, weights, risk, proposalTtl,
                barsForAdvisor, evaluationPeriod, license, cooldown, tradingMode);
    }

    /** The same configuration in this trading mode. */
    public DeskConfig withTradingMode(TradingMode mode) {
        return new DeskConfig(version, watchlist, scanInterval, maxAiCandidates, weights, risk, proposalTtl,
                barsForAdvisor, evaluationPeriod, license, proposalCooldown, mode);
    }

    /** The defaults, with the given product version. */
    public static DeskConfig defaults(String version) {
        return from(version, SettingsView.defaults());
    }

    /** Upper-cased, trimmed, duplicates dropped; checked against {@link #WATCHLIST} afterwards. */
    private static List<String> normalizeWatchlist(List<String> watchlist) {
        if (watchlist == null) {
            return List.of();
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (String raw : watchlist) {
            symbols.add(raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT));
        }
        return List.copyOf(symbols);
    }

    static void throwIfAny(List<SettingProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /**
     * {@code trading_mode}: the kind of account the desk may send orders to. {@code paper} needs a paper
     * account (IB's start with D, or the embedded paper broker); {@code live} needs a live account and a
     * license that allows live trading. On a mismatch the desk is read-only.
     */
    public enum TradingMode {
        PAPER, LIVE;

        /** {@code paper} or {@code live}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code paper} or {@code live} (any case). */
        public static TradingMode fromWire(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Weights of the composite score {@code (evidence·E + quality·Q + conviction·C) / (evidence +
     * quality + conviction)}; each weight in [0, 1], not all 0. They are normalized when used, so
     * (1, 0.5, 0.5) means (0.5, 0.25, 0.25).
     */
    public record ScoreWeights(double evidence, double quality, double conviction) {
        public static final Setting<Double> EVIDENCE = Setting.decimal("scoring.evidence_weight", 0, 1, 0.4,
                "composite score weight of evidence strength");
        public static final Setting<Double> QUALITY = Setting.decimal("scoring.quality_weight", 0, 1, 0.35,
                "composite score weight of setup quality");
        public static final Setting<Double> CONVICTION = Setting.decimal("scoring.conviction_weight", 0, 1, 0.25,
                "composite score weight of conviction");
        public static final SettingGroup SETTINGS = SettingGroup.of("ScoreWeights",
                List.of(EVIDENCE, QUALITY, CONVICTION),
                new SettingRule(List.of(EVIDENCE, QUALITY, CONVICTION), v -> v.get(EVIDENCE) + v.get(QUALITY)
                        + v.get(CONVICTION) > 0 ? Optional.empty()
                        : Optional.of("scoring.evidence_weight, scoring.quality_weight and scoring.conviction_weight"
                                + " must not all be 0")));

        public ScoreWeights {
            SETTINGS.require(Map.of(EVIDENCE, evidence, QUALITY, quality, CONVICTION, conviction));
        }

        public static ScoreWeights from(SettingsView settings) {
            return new ScoreWeights(settings.get(EVIDENCE), settings.get(QUALITY), settings.get(CONVICTION));
        }

        public static ScoreWeights defaults() {
            return from(SettingsView.defaults());
        }
    }

    /**
     * The risk limits of the five gates and of sizing (percentages as numbers of percent: 5.0 means 5 %).
     *
     * @param maxPositionSizePct gate 1: a position's value at entry is at most this % of net liquidation
     * @param maxOpenTrades gate 2: open positions plus approved/executing trades, this one included,
     *     at most this
     * @param maxPortfolioHeatPct gate 3: total risk to the stops, this trade included, at most this % of
     *     net liquidation
     * @param maxDailyLossPct gate 4: once today's P&amp;L is at or below minus this % of net liquidation,
     *     no new trades and the kill switch engages
     * @param minRewardRisk gate 5: the least reward:risk a trade may have
     * @param riskPerTradePct sizing risks this % of net liquidation to the stop
     * @param maxPriceDeviationPct every price the desk sends (entry, stop, target) lies within this % of the
     *     symbol's last price
     */
    public record RiskLimits(double maxPositionSizePct, int maxOpenTrades, double maxPortfolioHeatPct,
            double maxDailyLossPct, double minRewardRisk, double riskPerTradePct, double maxPriceDeviationPct) {
        public static final Setting<Double> MAX_POSITION_SIZE_PCT = Setting.decimalAbove("risk.max_position_size_pct",
                0, 100, 5.0, "gate 1: position value ≤ this % of net liquidation");
        public static final Setting<Integer> MAX_OPEN_TRADES = Setting.integer("risk.max_open_trades", 1, 100, 5,
                "gate 2: open positions plus executing trades stay under this");
        public static final Setting<Double> MAX_PORTFOLIO_HEAT_PCT = Setting.decimalAbove(
                "risk.max_portfolio_heat_pct", 0, 100, 6.0, "gate 3: total risk to the stops ≤ this % of net liquidation");
        public static final Setting<Double> MAX_DAILY_LOSS_PCT = Setting.decimalAbove("risk.max_daily_loss_pct", 0, 100,
                2.0, "gate 4: at today's P&L ≤ −this %, no new trades and the kill switch engages");
        public static final Setting<Double> MIN_REWARD_RISK = Setting.decimalAbove("risk.min_reward_risk", 0, 100, 1.5,
                "gate 5: minimum reward:risk");
        public static final Setting<Double> RISK_PER_TRADE_PCT = Setting.decimalAbove("risk.risk_per_trade_pct", 0, 100,
                0.5, "sizing: % of net liquidation risked to the stop per trade");
        public static final Setting<Double> MAX_PRICE_DEVIATION_PCT = Setting.decimalAbove(
                "risk.max_price_deviation_pct", 0, 100, 25.0,
                "every price sent (entry, stop, target) lies within this % of the last price");
        public static final SettingGroup SETTINGS = SettingGroup.of("RiskLimits", List.of(MAX_POSITION_SIZE_PCT,
                MAX_OPEN_TRADES, MAX_PORTFOLIO_HEAT_PCT, MAX_DAILY_LOSS_PCT, MIN_REWARD_RISK, RISK_PER_TRADE_PCT,
                MAX_PRICE_DEVIATION_PCT));

        public RiskLimits {
            SETTINGS.require(Map.of(MAX_POSITION_SIZE_PCT, maxPositionSizePct, MAX_OPEN_TRADES, maxOpenTrades,
                    MAX_PORTFOLIO_HEAT_PCT, maxPortfolioHeatPct, MAX_DAILY_LOSS_PCT, maxDailyLossPct,
                    MIN_REWARD_RISK, minRewardRisk, RISK_PER_TRADE_PCT, riskPerTradePct, MAX_PRICE_DEVIATION_PCT,
                    maxPriceDeviationPct));
        }

        /** With the default {@link #maxPriceDeviationPct} (25 %). */
        public RiskLimits(double maxPositionSizePct, int maxOpenTrades, double maxPortfolioHeatPct,
                double maxDailyLossPct, double minRewardRisk, double riskPerTradePct) {
            this(maxPositionSizePct, maxOpenTrades, maxPortfolioHeatPct, maxDailyLossPct, minRewardRisk,
                    riskPerTradePct, MAX_PRICE_DEVIATION_PCT.defaultValue().orElseThrow());
        }

        public static RiskLimits from(SettingsView settings) {
            return new RiskLimits(settings.get(MAX_POSITION_SIZE_PCT), settings.get(MAX_OPEN_TRADES),
                    settings.get(MAX_PORTFOLIO_HEAT_PCT), settings.get(MAX_DAILY_LOSS_PCT), settings.get(MIN_REWARD_RISK),
                    settings.get(RISK_PER_TRADE_PCT), settings.get(MAX_PRICE_DEVIATION_PCT));
        }

        public static RiskLimits defaults() {
            return from(SettingsView.defaults());
        }

        /** The same limits with this {@link #maxPriceDeviationPct}. */
        public RiskLimits withMaxPriceDeviationPct(double pct) {
            return new RiskLimits(maxPositionSizePct, maxOpenTrades, maxPortfolioHeatPct, maxDailyLossPct,
                    minRewardRisk, riskPerTradePct, pct);
        }
    }

    /**
     * License timings.
     *
     * @param grace how long the last licensed answer from Stripe is honoured while Stripe cannot be
     *     reached
     * @param checkInterval how often the desk asks Stripe in the background; at most {@code grace}
     */
    public record License(Duration grace, Duration checkInterval) {
        public static final Setting<Integer> GRACE_HOURS = Setting.integer("license.grace_hours", 1, 720, 72,
                "how long the last licensed answer is honoured while Stripe cannot be reached");
        public static final Setting<Integer> CHECK_HOURS = Setting.integer("license.check_hours", 1, 720, 6,
                "how often Stripe is asked in the background (never on a request)");
        public static final SettingGroup SETTINGS = SettingGroup.of("License", List.of(GRACE_HOURS, CHECK_HOURS),
                new SettingRule(List.of(GRACE_HOURS, CHECK_HOURS), v -> withinGrace(
                        Duration.ofHours(v.get(CHECK_HOURS)), Duration.ofHours(v.get(GRACE_HOURS)))));

        public License {
            List<SettingProblem> problems = new ArrayList<>();
            GRACE_HOURS.durationProblem(grace, ChronoUnit.HOURS)
                    .ifPresent(p -> problems.add(SettingProblem.of(GRACE_HOURS.key(), p)));
            CHECK_HOURS.durationProblem(checkInterval, ChronoUnit.HOURS)
                    .ifPresent(p -> problems.add(SettingProblem.of(CHECK_HOURS.key(), p)));
            if (problems.isEmpty()) {
                withinGrace(checkInterval, grace).ifPresent(p -> problems.add(
                        new SettingProblem(List.of(GRACE_HOURS.key(), CHECK_HOURS.key()), p)));
            }
            throwIfAny(problems);
        }

        public static License from(SettingsView settings) {
            return new License(Duration.ofHours(settings.get(GRACE_HOURS)), Duration.ofHours(settings.get(CHECK_HOURS)));
        }

        public static License defaults() {
            return from(SettingsView.defaults());
        }

        /** The rule between the two: a check interval longer than the grace could let grace run out between checks. */
        private static Optional<String> withinGrace(Duration checkInterval, Duration grace) {
            return checkInterval.compareTo(grace) <= 0 ? Optional.empty()
                    : Optional.of("license.check_hours must not exceed license.grace_hours, or grace could run out"
                            + " between two checks (check every " + checkInterval.toHours() + " h, grace "
                            + grace.toHours() + " h)");
        }
    }
}
