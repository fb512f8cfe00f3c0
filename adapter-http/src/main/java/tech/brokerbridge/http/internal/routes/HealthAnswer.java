package tech.brokerbridge.http.internal.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.notify.ChannelStatus;

/**
 * {@code GET /api/health}; {@code last_scan_at} and {@code next_scan_at} are null when there is none.
 * {@code market_data} names the price source (and whether it is simulated),
 * the symbols last priced on delayed data and one line per symbol whose data could not be read;
 * {@code account_mode} is the paper/live check of the account orders go to; {@code warnings} names what
 * needs the user now, e.g. an unprotected position.
 */
record HealthAnswer(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
        Optional<Instant> lastScanAt, Optional<Instant> nextScanAt, boolean scanInProgress, Services services,
        MarketData marketData, AccountMode accountMode, List<String> warnings) {

    /** {@code notifications}: the configured channels only (none: an empty list). */
    record Services(String api, Broker broker, Ai ai, License license, Secrets secrets,
            List<Notification> notifications) {
    }

    /** One configured notification channel; {@code last_sent_at} only once something went through. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Notification(String channel, String destination, boolean healthy, String message, long sent, long failed,
            long dropped, int queued, Optional<Instant> lastSentAt) {
        static Notification of(ChannelStatus c) {
            return new Notification(c.channel(), c.destination(), c.healthy(), c.message(), c.sent(), c.failed(),
                    c.dropped(), c.queued(), c.lastSentAt());
        }
    }

    record Broker(String name, boolean connected, String message) {
    }

    record Ai(String provider, boolean connected, String message) {
    }

    record License(String status) {
    }

    /** {@code warning} only when there is one. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Secrets(String backend, boolean available, Optional<String> warning) {
    }

    record MarketData(String source, boolean simulated, String description, List<String> delayed,
            List<String> problems) {
        static MarketData of(Health.MarketDataStatus m) {
            return new MarketData(m.source().name(), m.source().simulated(), m.source().description(), m.delayed(),
                    m.problems());
        }
    }

    /**
     * @param mode {@code paper}, {@code live} or {@code unknown} (no account selected)
     * @param tradable whether approvals may be sent to this account
     */
    record AccountMode(Optional<String> account, String mode, String tradingMode, boolean tradable, String reason,
            List<String> warnings) {
        static AccountMode of(Health.AccountStatus a) {
            return new AccountMode(a.account(), a.mode(), a.tradingMode(), a.tradable(), a.reason(), a.warnings());
        }
    }

    static HealthAnswer of(Health h) {
        Services services = new Services("healthy",
                new Broker(h.broker().name(), h.broker().connected(), h.broker().message()),
                new Ai(h.ai().name(), h.ai().connected(), h.ai().message()), new License(h.license().wire()),
                new Secrets(h.secrets().backend(), h.secrets().available(), h.secrets().warning()),
                h.notifications().stream().map(Notification::of).toList());
        return new HealthAnswer(h.status(), h.version(), h.tradingLoopActive(), h.killSwitchEngaged(), h.lastScanAt(),
                h.nextScanAt(), h.scanInProgress(), services, MarketData.of(h.marketData()), AccountMode.of(h.account()),
                h.warnings());
    }
}
