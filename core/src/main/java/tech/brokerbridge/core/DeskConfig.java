package tech.brokerbridge.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The desk's business configuration. Every value is checked here; a bad value throws an
 * {@link IllegalArgumentException} whose message lists every problem of the record, each naming its
 * config key in snake_case (e.g. {@code max_position_size_pct must be in (0, 100], got 150.0}), so
 * the launcher can report them as they are.
 *
 * <p>Config keys, defaults and meaning:
 * <ul>
 * <li>{@code watchlist} — symbols scanned each interval (default: 20 liquid US stocks); upper-cased,
 *     duplicates dropped</li>
 * <li>{@code scan_interval_minutes} ({@link #scanInterval}, default 5 min) — time between two scans of
 *     the trading loop</li>
 * <li>{@code max_ai_candidates} (3) — best-scored setups per scan sent to the advisor, 1 to 50</li>
 * <li>{@code scoring.*} ({@link ScoreWeights}) — weights of the composite score</li>
 * <li>the risk limits ({@link RiskLimits})</li>
 * <li>{@code proposal_ttl_minutes} ({@link #proposalTtl}, 30 min) — a pending proposal expires after it</li>
 * <li>{@code proposal_cooldown_minutes} ({@link #proposalCooldown}, 0) — after a rejection or an expiry, how
 *     long the same symbol, direction and setup type is not proposed again unless the setup changes
 *     materially; 0 to 10080 minutes, 0 meaning the rest of the US trading day (until 16:00 New York
 *     time)</li>
 * <li>{@code bars_for_advisor} (60) — how many of the latest daily bars the advisor sees, 1 to 1000</li>
 * <li>{@code evaluation_period} (14 days) — length of the license evaluation; a product term, not meant
 *     to be user-configurable</li>
 * <li>{@code license.*} ({@link License}) — license grace and check interval</li>
 * <li>{@code trading_mode} ({@link #tradingMode}, {@link TradingMode#PAPER}) — the kind of account the desk
 *     may trade: a paper account, or a live one with a license that allows live trading; any other
 *     account is read-only (approvals answer {@code account_mode_mismatch})</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public record DeskConfig(String version, List<String> watchlist, Duration scanInterval, int maxAiCandidates,
        ScoreWeights weights, RiskLimits risk, Duration proposalTtl, int barsForAdvisor, Duration evaluationPeriod,
        License license, Duration proposalCooldown, TradingMode tradingMode) {

    /** The default watchlist: liquid US stocks. */
    public static final List<String> DEFAULT_WATCHLIST = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META",
            "TSLA", "JPM", "V", "MA", "UNH", "HD", "PG", "XOM", "JNJ", "COST", "AVGO", "LLY", "NFLX", "AMD");

    /** The default {@link #proposalCooldown}: zero, the rest of the US trading day. */
    public static final Duration REST_OF_TRADING_DAY = Duration.ZERO;

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,11}");

    public DeskConfig {
        List<String> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add("version must not be blank");
        }
        watchlist = normalizeWatchlist(watchlist, problems);
        if (scanInterval == null || scanInterval.isNegative() || scanInterval.isZero()
                || scanInterval.compareTo(Duration.ofDays(1)) > 0) {
            problems.add("scan_interval_minutes must be more than 0 and at most 1440, got " + minutes(scanInterval));
        }
        if (maxAiCandidates < 1 || maxAiCandidates > 50) {
            problems.add("max_ai_candidates must be between 1 and 50, got " + maxAiCandidates);
        }
        if (weights == null) {
            problems.add("scoring weights are missing");
        }
        if (risk == null) {
            problems.add("risk limits are missing");
        }
        if (proposalTtl == null || proposalTtl.isNegative() || proposalTtl.isZero()
                || proposalTtl.compareTo(Duration.ofDays(7)) > 0) {
            problems.add("proposal_ttl_minutes must be more than 0 and at most 10080, got " + minutes(proposalTtl));
        }
        if (barsForAdvisor < 1 || barsForAdvisor > 1000) {
            problems.add("bars_for_advisor must be between 1 and 1000, got " + barsForAdvisor);
        }
        if (evaluationPeriod == null || evaluationPeriod.isNegative() || evaluationPeriod.isZero()) {
            problems.add("evaluation_period must be positive");
        }
        if (license == null) {
            problems.add("license settings are missing");
        }
        if (proposalCooldown == null || proposalCooldown.isNegative()
                || proposalCooldown.compareTo(Duration.ofDays(7)) > 0) {
            problems.add("proposal_cooldown_minutes must be between 0 and 10080, got " + minutes(proposalCooldown));
        }
        if (tradingMode == null) {
            problems.add("trading_mode is missing");
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
        return new DeskConfig(version, DEFAULT_WATCHLIST, Duration.ofMinutes(5), 3, ScoreWeights.defaults(),
                RiskLimits.defaults(), Duration.ofMinutes(30), 60, Duration.ofDays(14), License.defaults(),
                REST_OF_TRADING_DAY, TradingMode.PAPER);
    }

    private static List<String> normalizeWatchlist(List<String> watchlist, List<String> problems) {
        if (watchlist == null || watchlist.isEmpty()) {
            problems.add("watchlist must hold at least one symbol");
            return List.of();
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (String raw : watchlist) {
            String s = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(s).matches()) {
                problems.add("watchlist holds an invalid symbol '" + raw + "'");
            } else {
                symbols.add(s);
            }
        }
        return List.copyOf(symbols);
    }

    private static String minutes(Duration d) {
        return d == null ? "nothing" : String.valueOf(d.toMillis() / 60_000.0);
    }

    static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
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
     * quality + conviction)}; each weight ≥ 0, their sum &gt; 0. They are normalized when used, so
     * (2, 1, 1) means (0.5, 0.25, 0.25). Keys {@code scoring.evidence_weight} (0.40),
     * {@code scoring.quality_weight} (0.35), {@code scoring.conviction_weight} (0.25).
     */
    public record ScoreWeights(double evidence, double quality, double conviction) {
        public ScoreWeights {
            List<String> problems = new ArrayList<>();
            nonNegative("scoring.evidence_weight", evidence, problems);
            nonNegative("scoring.quality_weight", quality, problems);
            nonNegative("scoring.conviction_weight", conviction, problems);
            if (problems.isEmpty() && evidence + quality + conviction <= 0) {
                problems.add("scoring.evidence_weight, scoring.quality_weight and scoring.conviction_weight"
                        + " must not all be 0");
            }
            throwIfAny(problems);
        }

        public static ScoreWeights defaults() {
            return new ScoreWeights(0.40, 0.35, 0.25);
        }

        private static void nonNegative(String key, double v, List<String> problems) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                problems.add(key + " must be a finite number >= 0, got " + v);
            }
        }
    }

    /**
     * The risk limits of the five gates and of sizing.
     *
     * @param maxPositionSizePct {@code max_position_size_pct} (5.0): a position's value at entry is at
     *     most this % of net liquidation; (0, 100]
     * @param maxOpenTrades {@code max_open_trades} (5): open positions plus approved/executing trades,
     *     this one included, at most this; 1 to 100
     * @param maxPortfolioHeatPct {@code max_portfolio_heat_pct} (6.0): total risk to the stops, this
     *     trade included, at most this % of net liquidation; (0, 100]
     * @param maxDailyLossPct {@code max_daily_loss_pct} (2.0): once today's P&amp;L is at or below minus
     *     this % of net liquidation, no new trades and the kill switch engages; (0, 100]
     * @param minRewardRisk {@code min_reward_risk} (1.5): the least reward:risk a trade may have; (0, 100]
     * @param riskPerTradePct {@code risk_per_trade_pct} (0.5): sizing risks this % of net liquidation
     *     to the stop; (0, 100]
     * @param maxPriceDeviationPct {@code max_price_deviation_pct} (25): every price the desk sends
     *     (entry, stop, target) lies within this % of the symbol's last price; (0, 100]
     */
    public record RiskLimits(double maxPositionSizePct, int maxOpenTrades, double maxPortfolioHeatPct,
            double maxDailyLossPct, double minRewardRisk, double riskPerTradePct, double maxPriceDeviationPct) {
        /** The default {@link #maxPriceDeviationPct}. */
        public static final double DEFAULT_MAX_PRICE_DEVIATION_PCT = 25.0;

        public RiskLimits {
            List<String> problems = new ArrayList<>();
            percent("max_position_size_pct", maxPositionSizePct, problems);
            if (maxOpenTrades < 1 || maxOpenTrades > 100) {
                problems.add("max_open_trades must be between 1 and 100, got " + maxOpenTrades);
            }
            percent("max_portfolio_heat_pct", maxPortfolioHeatPct, problems);
            percent("max_daily_loss_pct", maxDailyLossPct, problems);
            percent("min_reward_risk", minRewardRisk, problems);
            percent("risk_per_trade_pct", riskPerTradePct, problems);
            percent("max_price_deviation_pct", maxPriceDeviationPct, problems);
            throwIfAny(problems);
        }

        /** With the default {@link #maxPriceDeviationPct} (25 %). */
        public RiskLimits(double maxPositionSizePct, int maxOpenTrades, double maxPortfolioHeatPct,
                double maxDailyLossPct, double minRewardRisk, double riskPerTradePct) {
            this(maxPositionSizePct, maxOpenTrades, maxPortfolioHeatPct, maxDailyLossPct, minRewardRisk,
                    riskPerTradePct, DEFAULT_MAX_PRICE_DEVIATION_PCT);
        }

        public static RiskLimits defaults() {
            return new RiskLimits(5.0, 5, 6.0, 2.0, 1.5, 0.5, DEFAULT_MAX_PRICE_DEVIATION_PCT);
        }

        /** The same limits with this {@link #maxPriceDeviationPct}. */
        public RiskLimits withMaxPriceDeviationPct(double pct) {
            return new RiskLimits(maxPositionSizePct, maxOpenTrades, maxPortfolioHeatPct, maxDailyLossPct,
                    minRewardRisk, riskPerTradePct, pct);
        }

        private static void percent(String key, double v, List<String> problems) {
            if (!(v > 0 && v <= 100)) {
                problems.add(key + " must be in (0, 100], got " + v);
            }
        }
    }

    /**
     * License timings.
     *
     * @param grace {@code license.grace_hours} (72): how long the last licensed answer from Stripe is
     *     honoured while Stripe cannot be reached; 1 to 720 hours
     * @param checkInterval {@code license.check_hours} (6): how often the desk asks Stripe in the
     *     background; more than 0 and at most {@code license.grace_hours}
     */
    public record License(Duration grace, Duration checkInterval) {
        public License {
            List<String> problems = new ArrayList<>();
            if (grace == null || grace.compareTo(Duration.ofHours(1)) < 0
                    || grace.compareTo(Duration.ofHours(720)) > 0) {
                problems.add("license.grace_hours must be between 1 and 720, got " + hours(grace));
            }
            if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()
                    || (grace != null && checkInterval.compareTo(grace) > 0)) {
                problems.add("license.check_hours must be more than 0 and at most license.grace_hours ("
                        + hours(grace) + "), got " + hours(checkInterval));
            }
            throwIfAny(problems);
        }

        public static License defaults() {
            return new License(Duration.ofHours(72), Duration.ofHours(6));
        }

        private static String hours(Duration d) {
            return d == null ? "nothing" : String.valueOf(d.toMillis() / 3_600_000.0);
        }
    }
}
