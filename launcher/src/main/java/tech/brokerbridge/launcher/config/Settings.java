package tech.brokerbridge.launcher.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every configuration key the desk knows, with its default. The README's configuration table is
 * checked against this list by a test.
 */
public final class Settings {
    public static final String PORT = "port";
    public static final String RATE_LIMIT = "rate_limit";
    public static final String ADMIN_TOKEN = "admin_token";
    public static final String ALLOWED_HOSTS = "allowed_hosts";
    public static final String SHUTDOWN_GRACE_SECONDS = "shutdown_grace_seconds";
    public static final String WATCHLIST = "watchlist";
    public static final String SCAN_INTERVAL_MINUTES = "scan_interval_minutes";
    public static final String MAX_AI_CANDIDATES = "max_ai_candidates";
    public static final String PROPOSAL_TTL_MINUTES = "proposal_ttl_minutes";
    public static final String PROPOSAL_COOLDOWN_MINUTES = "proposal_cooldown_minutes";
    public static final String TRADING_MODE = "trading_mode";
    public static final String WEIGHT_EVIDENCE = "scoring.evidence_weight";
    public static final String WEIGHT_QUALITY = "scoring.quality_weight";
    public static final String WEIGHT_CONVICTION = "scoring.conviction_weight";
    public static final String MAX_POSITION_SIZE_PCT = "risk.max_position_size_pct";
    public static final String MAX_OPEN_TRADES = "risk.max_open_trades";
    public static final String MAX_PORTFOLIO_HEAT_PCT = "risk.max_portfolio_heat_pct";
    public static final String MAX_DAILY_LOSS_PCT = "risk.max_daily_loss_pct";
    public static final String MIN_REWARD_RISK = "risk.min_reward_risk";
    public static final String RISK_PER_TRADE_PCT = "risk.risk_per_trade_pct";
    public static final String MAX_PRICE_DEVIATION_PCT = "risk.max_price_deviation_pct";
    public static final String BROKER_KIND = "broker.kind";
    public static final String PAPER_STARTING_CASH = "paper.starting_cash";
    public static final String PAPER_MARKET_DATA = "paper.market_data";
    public static final String PAPER_CSV_FOLDER = "paper.csv_folder";
    public static final String IBKR_HOST = "ibkr.host";
    public static final String IBKR_PORT = "ibkr.port";
    public static final String IBKR_CLIENT_ID = "ibkr.client_id";
    public static final String IBKR_ALLOW_REMOTE_HOST = "ibkr.allow_remote_host";
    public static final String IBKR_REQUEST_TIMEOUT_SECONDS = "ibkr.request_timeout_seconds";
    public static final String IBKR_ACCOUNT = "ibkr.account";
    public static final String AI_PROVIDER = "ai_provider.provider";
    public static final String AI_MODEL = "ai_provider.model";
    public static final String AI_TIMEOUT_SECONDS = "ai.timeout_seconds";
    public static final String AI_MAX_RETRIES = "ai.max_retries";
    /** Base URL keys, {@code ai_provider.base_urls.<provider>}. */
    public static final String AI_BASE_URL_PREFIX = "ai_provider.base_urls.";
    public static final List<String> AI_NETWORK_PROVIDERS = List.of("claude", "openai", "openrouter", "google");
    public static final String SECRETS_BACKEND = "secrets.backend";
    public static final String LICENSE_GRACE_HOURS = "license.grace_hours";
    public static final String LICENSE_CHECK_HOURS = "license.check_hours";
    public static final String STRIPE_API_BASE = "stripe.api_base";
    public static final String MACHINE_ID = "machine_id";

    /** The environment variable that names the data directory; not a key of {@code config.json}. */
    public static final String HOME_ENV = "BROKERBRIDGE_HOME";

    static final String DEFAULT_WATCHLIST =
            "AAPL,MSFT,NVDA,AMZN,GOOGL,META,TSLA,JPM,V,MA,UNH,HD,PG,XOM,JNJ,COST,AVGO,LLY,NFLX,AMD";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

    private static final Map<String, String> DEFAULT_BASE_URLS = Map.of(
            "claude", "https://api.anthropic.com",
            "openai", "https://api.openai.com/v1",
            "openrouter", "https://openrouter.ai/api/v1",
            "google", "https://generativelanguage.googleapis.com");

    private static final Map<String, Setting> ALL = new LinkedHashMap<>();

    static {
        add(PORT, new SettingType.IntRange(0, 65535), "8080", "TCP port on 127.0.0.1 (and ::1); 0 picks a free port");
        add(RATE_LIMIT, new SettingType.Rate(), "100/60s", "requests allowed per client IP per window");
        ALL.put(ADMIN_TOKEN, new Setting(ADMIN_TOKEN, new SettingType.Text(Optional.of(Pattern.compile(".{16,}")),
                "at least 16 characters"), Optional.empty(),
                "bearer token for /api/admin/*; unset or empty keeps the admin API closed. Environment only",
                true, List.of()));
        add(ALLOWED_HOSTS, new SettingType.CsvList(HOST, "host names", 0), "",
                "extra Host header names you trust besides localhost, 127.0.0.1 and [::1]");
        add(SHUTDOWN_GRACE_SECONDS, new SettingType.IntRange(0, 300), "10",
                "on SIGINT/SIGTERM, how long in-flight requests may finish");
        add(WATCHLIST, new SettingType.CsvList(SYMBOL, "ticker symbols (A-Z, 0-9, .)", 1), DEFAULT_WATCHLIST,
                "symbols the scan reads");
        add(SCAN_INTERVAL_MINUTES, new SettingType.IntRange(1, 1440), "5", "minutes between scans while trading");
        add(MAX_AI_CANDIDATES, new SettingType.IntRange(1, 50), "3", "best setups per scan sent to the advisor");
        add(PROPOSAL_TTL_MINUTES, new SettingType.IntRange(1, 1440), "30", "a pending proposal expires after");
        add(PROPOSAL_COOLDOWN_MINUTES, new SettingType.IntRange(0, 10080), "0",
                "after a rejection or expiry, the same symbol, direction and setup type is not proposed again for"
                        + " this long unless the setup changes materially; 0 = the rest of the US trading day");
        add(TRADING_MODE, new SettingType.OneOf(List.of("paper", "live")), "paper",
                "live needs broker.kind ibkr and a license that allows live trading (POST /api/setup/config checks both)");
        add(WEIGHT_EVIDENCE, new SettingType.DecimalRange(0, 1, false), "0.4",
                "composite score weight of evidence strength");
        add(WEIGHT_QUALITY, new SettingType.DecimalRange(0, 1, false), "0.35",
                "composite score weight of setup quality");
        add(WEIGHT_CONVICTION, new SettingType.DecimalRange(0, 1, false), "0.25",
                "composite score weight of conviction");
        add(MAX_POSITION_SIZE_PCT, new SettingType.DecimalRange(0, 100, true), "5.0",
                "gate 1: position value ≤ this % of net liquidation");
        add(MAX_OPEN_TRADES, new SettingType.IntRange(1, 100), "5",
                "gate 2: open positions plus executing trades stay under this");
        add(MAX_PORTFOLIO_HEAT_PCT, new SettingType.DecimalRange(0, 100, true), "6.0",
                "gate 3: total risk to the stops ≤ this % of net liquidation");
        add(MAX_DAILY_LOSS_PCT, new SettingType.DecimalRange(0, 100, true), "2.0",
                "gate 4: at today's P&L ≤ −this %, no new trades and the kill switch engages");
        add(MIN_REWARD_RISK, new SettingType.DecimalRange(0, 100, true), "1.5", "gate 5: minimum reward:risk");
        add(RISK_PER_TRADE_PCT, new SettingType.DecimalRange(0, 100, true), "0.5",
                "sizing: % of net liquidation risked to the stop per trade");
        add(MAX_PRICE_DEVIATION_PCT, new SettingType.DecimalRange(0, 100, true), "25",
                "every price sent (entry, stop, target) lies within this % of the last price");
        add(BROKER_KIND, new SettingType.OneOf(List.of("paper", "ibkr")), "paper",
                "broker adapter: the simulated paper account or Interactive Brokers through IB Gateway / TWS",
                List.of("BROKERBRIDGE_BROKER"));
        add(PAPER_STARTING_CASH, new SettingType.DecimalRange(0, 1e12, true), "100000",
                "paper account starting cash (USD)");
        add(PAPER_MARKET_DATA, new SettingType.OneOf(List.of("simulated", "ibkr", "csv")), "simulated",
                "the paper account's prices: simulated, IB Gateway's (ibkr.*), or daily bars in paper.csv_folder");
        add(PAPER_CSV_FOLDER, new SettingType.Text(Optional.empty(), "a folder"), "",
                "folder of SYMBOL.csv daily bars (date,open,high,low,close,volume) for paper.market_data=csv");
        add(IBKR_HOST, new SettingType.Text(Optional.of(HOST), "a host name or address"), "127.0.0.1",
                "IB Gateway / TWS host; must be loopback unless ibkr.allow_remote_host");
        add(IBKR_PORT, new SettingType.IntRange(1, 65535), "4002",
                "IB API socket port: Gateway 4002 paper / 4001 live, TWS 7497 paper / 7496 live");
        add(IBKR_CLIENT_ID, new SettingType.IntRange(0, Integer.MAX_VALUE), "1",
                "API client id, unique on that gateway and the same across restarts");
        add(IBKR_ALLOW_REMOTE_HOST, new SettingType.Bool(), "false",
                "allow a non-loopback ibkr.host (the API socket is unencrypted: prefer an SSH tunnel)");
        add(IBKR_REQUEST_TIMEOUT_SECONDS, new SettingType.IntRange(1, 120), "10", "timeout of one IB request");
        add(IBKR_ACCOUNT, new SettingType.Text(Optional.of(Pattern.compile("|[A-Z]{1,3}[0-9]{3,12}")),
                "an IB account id, e.g. DU1234567"), "",
                "the IB account to trade; needed when the login manages several (paper ids start with D)");
        add(AI_PROVIDER, new SettingType.OneOf(List.of("offline", "claude", "openai", "openrouter", "google")),
                "offline", "the advisor: the offline rules advisor or an AI provider (its API key must be saved)",
                List.of("BROKERBRIDGE_AI_PROVIDER"));
        add(AI_MODEL, new SettingType.Text(Optional.of(Pattern.compile("[A-Za-z0-9._:/@-]{0,100}")), "a model name"), "",
                "model of the selected provider; empty uses the provider's default");
        add(AI_TIMEOUT_SECONDS, new SettingType.IntRange(1, 600), "30", "timeout of one AI call");
        add(AI_MAX_RETRIES, new SettingType.IntRange(0, 5), "2", "retries on 429 and 5xx, honouring Retry-After");
        for (String p : AI_NETWORK_PROVIDERS) {
            add(AI_BASE_URL_PREFIX + p, new SettingType.Text(Optional.of(Pattern.compile("https?://[^\\s]+")),
                    "an http(s) URL"), DEFAULT_BASE_URLS.get(p),
                    p + " API base URL, as in the provider's SDK (for proxies and tests)",
                    List.of("BROKERBRIDGE_" + p.toUpperCase(java.util.Locale.ROOT) + "_BASE_URL"));
        }
        add(LICENSE_GRACE_HOURS, new SettingType.IntRange(1, 720), "72",
                "how long the last licensed answer is honoured while Stripe cannot be reached");
        add(LICENSE_CHECK_HOURS, new SettingType.IntRange(1, 720), "6",
                "how often Stripe is asked in the background (never on a request)");
        add(STRIPE_API_BASE, new SettingType.Text(Optional.of(Pattern.compile("https?://[^\\s]+")), "an http(s) URL"),
                "https://api.stripe.com", "Stripe API base (for proxies and tests)");
        add(SECRETS_BACKEND, new SettingType.OneOf(List.of("auto", "keyring", "file")), "auto",
                "where encrypted credentials live");
        ALL.put(MACHINE_ID, new Setting(MACHINE_ID, new SettingType.Text(Optional.of(Pattern.compile(".{8,}")),
                "at least 8 characters"), Optional.empty(),
                "overrides the machine fingerprint (containers without /etc/machine-id). Environment only",
                true, List.of()));
    }

    private Settings() {
    }

    private static void add(String key, SettingType type, String def, String description) {
        add(key, type, def, description, List.of());
    }

    private static void add(String key, SettingType type, String def, String description, List<String> aliases) {
        ALL.put(key, new Setting(key, type, Optional.of(def), description, false, aliases));
    }

    /** Every setting, in documentation order. */
    public static List<Setting> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Setting> find(String key) {
        return Optional.ofNullable(ALL.get(key));
    }
}
