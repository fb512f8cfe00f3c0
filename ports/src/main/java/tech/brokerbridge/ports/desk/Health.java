package tech.brokerbridge.ports.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.notify.ChannelStatus;

/**
 * What is true of the desk now, as {@code GET /api/health} shows it.
 *
 * @param lastScanAt when the last scan finished; empty before the first one
 * @param nextScanAt when the trading loop scans next; empty while it is stopped
 * @param scanInProgress whether a scan is running now
 * @param notifications the notification channels the user configured, and only those
 * @param marketData where prices come from and what is wrong with them
 * @param account the account orders go to and whether the desk may trade it
 * @param warnings what needs the user's attention now, e.g. an unprotected position
 */
public record Health(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
        Service broker, Service ai, LicenseStatus license, Secrets secrets, Optional<Instant> lastScanAt,
        Optional<Instant> nextScanAt, boolean scanInProgress, List<ChannelStatus> notifications,
        MarketDataStatus marketData, AccountStatus account, List<String> warnings) {
    /** What the legacy constructors say of the market data: not reported. */
    public static final MarketDataStatus MARKET_DATA_NOT_REPORTED = new MarketDataStatus(
            new PriceSource("unknown", false, "not reported"), List.of(), List.of());
    /** What the legacy constructors say of the account: not reported, so not tradable. */
    public static final AccountStatus ACCOUNT_NOT_REPORTED = new AccountStatus(Optional.empty(), "unknown", "paper",
            false, "not reported", List.of());

    public Health {
        Require.nonNull("status", status, "version", version, "broker", broker, "ai", ai, "license", license,
                "secrets", secrets, "lastScanAt", lastScanAt, "nextScanAt", nextScanAt, "marketData", marketData,
                "account", account);
        notifications = List.copyOf(notifications);
        warnings = List.copyOf(warnings);
    }

    /** Without warnings. */
    public Health(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
            Service broker, Service ai, LicenseStatus license, Secrets secrets, Optional<Instant> lastScanAt,
            Optional<Instant> nextScanAt, boolean scanInProgress, List<ChannelStatus> notifications,
            MarketDataStatus marketData, AccountStatus account) {
        this(status, version, tradingLoopActive, killSwitchEngaged, broker, ai, license, secrets, lastScanAt,
                nextScanAt, scanInProgress, notifications, marketData, account, List.of());
    }

    /** Without notification channels or warnings. */
    public Health(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
            Service broker, Service ai, LicenseStatus license, Secrets secrets, Optional<Instant> lastScanAt,
            Optional<Instant> nextScanAt, boolean scanInProgress) {
        this(status, version, tradingLoopActive, killSwitchEngaged, broker, ai, license, secrets, lastScanAt,
                nextScanAt, scanInProgress, List.of(), MARKET_DATA_NOT_REPORTED, ACCOUNT_NOT_REPORTED, List.of());
    }

    /** Health with no scan made, none planned and none running, no notification channel and no warning. */
    public Health(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
            Service broker, Service ai, LicenseStatus license, Secrets secrets) {
        this(status, version, tradingLoopActive, killSwitchEngaged, broker, ai, license, secrets, Optional.empty(),
                Optional.empty(), false, List.of(), MARKET_DATA_NOT_REPORTED, ACCOUNT_NOT_REPORTED, List.of());
    }

    /** A connected service (broker or AI provider). */
    public record Service(String name, boolean connected, String message) {
        public Service {
            Require.nonNull("name", name, "message", message);
        }
    }

    /** The secret store. */
    public record Secrets(String backend, boolean available, Optional<String> warning) {
        public Secrets {
            Require.nonNull("backend", backend, "warning", warning);
        }
    }

    /**
     * The market data source.
     *
     * @param delayed symbols last priced on delayed data
     * @param problems one line per symbol whose data could not be read last time, e.g.
     *     {@code NVDA: no market data permission (IB 162: ...)}
     */
    public record MarketDataStatus(PriceSource source, List<String> delayed, List<String> problems) {
        public MarketDataStatus {
            Objects.requireNonNull(source, "source");
            delayed = List.copyOf(delayed);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The account check: which account the broker trades, of which kind, against the desk's trading mode.
     *
     * @param account the masked account id, or empty when none is selected
     * @param mode {@code paper}, {@code live}, or {@code unknown} when no account is selected
     * @param tradingMode the configured {@code trading_mode}: {@code paper} or {@code live}
     * @param tradable true when approvals may be sent to this account
     * @param reason why (or why not), for a person
     * @param warnings what needs attention without blocking, e.g. a live port with {@code trading_mode=paper}
     */
    public record AccountStatus(Optional<String> account, String mode, String tradingMode, boolean tradable,
            String reason, List<String> warnings) {
        public AccountStatus {
            Require.nonNull("account", account, "mode", mode, "tradingMode", tradingMode, "reason", reason);
            warnings = List.copyOf(warnings);
        }
    }
}
