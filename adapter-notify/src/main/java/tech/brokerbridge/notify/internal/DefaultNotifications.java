package tech.brokerbridge.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.notify.Notifications;
import tech.brokerbridge.notify.NotifyConfig;
import tech.brokerbridge.notify.internal.channel.EmailChannel;
import tech.brokerbridge.notify.internal.channel.HttpPost;
import tech.brokerbridge.notify.internal.channel.NtfyChannel;
import tech.brokerbridge.notify.internal.channel.VaultSecrets;
import tech.brokerbridge.notify.internal.channel.WebhookChannel;
import tech.brokerbridge.notify.internal.compose.Composer;
import tech.brokerbridge.notify.internal.delivery.Attempt;
import tech.brokerbridge.notify.internal.delivery.AuditTrail;
import tech.brokerbridge.notify.internal.delivery.Delivery;
import tech.brokerbridge.notify.internal.delivery.Message;
import tech.brokerbridge.notify.internal.delivery.Outbox;
import tech.brokerbridge.notify.internal.telegram.NonceBook;
import tech.brokerbridge.notify.internal.telegram.PressHandler;
import tech.brokerbridge.notify.internal.telegram.TelegramApi;
import tech.brokerbridge.notify.internal.telegram.TelegramChannel;
import tech.brokerbridge.notify.internal.telegram.UpdatePoller;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.journal.OutboundAudit;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.notify.ChannelStatus;
import tech.brokerbridge.ports.notify.ChannelTest;
import tech.brokerbridge.ports.journal.NotificationExchange.Outcome;
import tech.brokerbridge.ports.secrets.SecretStore;

/**
 * The notification channels of a desk: one outbox per channel (per chat for Telegram), the composer
 * that turns events into messages, the timing of broker and license messages (a broker gone for the
 * grace period, then back; a license in trouble, once per status; an evaluation ending, checked
 * hourly), and, with approvals on, the Telegram update poller.
 */
public final class DefaultNotifications implements Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultNotifications.class);
    private final NotifyConfig config;
    private final AuditTrail audit;
    private final Composer composer;
    private final NonceBook nonces = new NonceBook();
    private final TelegramApi telegram;
    private final List<Outbox> outboxes = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private UpdatePoller poller;
    private ScheduledFuture<?> brokerCheck;
    private boolean brokerDownNotified;
    private LicenseStatus lastLicense;
    private boolean evaluationEndingNotified;
    private final Map<String, Boolean> advisorUp = new LinkedHashMap<>();
    private boolean started;
    private boolean closed;

    public DefaultNotifications(NotifyConfig config, SecretStore secrets, OutboundAudit audit, Clock clock) {
        this.config = config;
        this.audit = new AuditTrail(audit, clock);
        this.composer = new Composer(config, nonces, clock);
        VaultSecrets vault = new VaultSecrets(secrets);
        HttpPost http = new HttpPost(config.tuning().requestTimeout());
        this.telegram = new TelegramApi(config.telegramApiBase(), vault, http);
        config.ntfyUrl().ifPresent(u -> add(new NtfyChannel(u, vault, http)));
        config.telegramChatIds().forEach(chat -> add(new TelegramChannel(telegram, chat)));
        config.webhookUrl().ifPresent(u -> add(new WebhookChannel(u, vault, http, clock)));
        if (!config.smtp().host().isEmpty()) {
            add(new EmailChannel(config.smtp(), vault, config.tuning().requestTimeout()));
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notify-timer");
            t.setDaemon(true);
            return t;
        });
    }

    private void add(tech.brokerbridge.notify.internal.delivery.Channel c) {
        outboxes.add(new Outbox(c, audit, config.tuning()));
    }

    @Override
    public synchronized void start(TradingDesk desk) {
        if (started || closed) {
            return;
        }
        started = true;
        composer.proposals(desk::proposal);
        outboxes.forEach(Outbox::start);
        if (config.telegramApprovals() && !config.telegramChatIds().isEmpty()) {
            PressHandler handler = new PressHandler(desk, nonces, telegram, audit, config.telegramChatIds(),
                    config.telegramUserIds(), config.tuning().staleCommand());
            poller = new UpdatePoller(telegram, handler, config.tuning().pollTimeout());
            poller.start();
        }
        if (!outboxes.isEmpty()) {
            timer.scheduleWithFixedDelay(() -> checkEvaluation(desk), 0, 1, TimeUnit.HOURS);
        }
        LOG.info("notifications: {}", outboxes.isEmpty() ? "no channel configured" : String.join(", ",
                config.channels()) + (poller == null ? "" : "; Telegram approvals on"));
    }

    @Override
    public void send(DeskEvent event) {
        if (outboxes.isEmpty()) {
            return;
        }
        try {
            if (event instanceof DeskEvent.BrokerConnectionChanged b) {
                broker(b);
            } else if (event instanceof DeskEvent.LicenseChanged l) {
                license(l);
            } else if (event instanceof DeskEvent.AdvisorStatusChanged a) {
                Boolean wasUp = advisorUp(a.provider(), a.connected());
                if (Boolean.FALSE.equals(wasUp) || a.connected()) {
                    return; // only the first failure after a success (or the start) is news
                }
                composer.compose(event).ifPresent(this::dispatch);
            } else {
                composer.compose(event).ifPresent(this::dispatch);
            }
        } catch (RuntimeException e) { // the desk's delivery thread must not see a notifier's bug
            LOG.warn("a {} event could not be turned into a notification: {}", event.type(), e.toString());
        }
    }

    private synchronized Boolean advisorUp(String provider, boolean up) {
        return advisorUp.put(provider, up);
    }

    private synchronized void broker(DeskEvent.BrokerConnectionChanged b) {
        if (b.connected()) {
            if (brokerCheck != null) {
                brokerCheck.cancel(false);
                brokerCheck = null;
            }
            if (brokerDownNotified) {
                brokerDownNotified = false;
                dispatch(composer.broker(b.broker(), true, config.tuning().brokerGrace()));
            }
        } else if (brokerCheck == null && !brokerDownNotified && !closed) {
            Duration grace = config.tuning().brokerGrace();
            brokerCheck = timer.schedule(() -> brokerStillDown(b.broker(), grace), grace.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void brokerStillDown(String broker, Duration grace) {
        if (brokerCheck != null) {
            brokerCheck = null;
            brokerDownNotified = true;
            dispatch(composer.broker(broker, false, grace));
        }
    }

    private synchronized void license(DeskEvent.LicenseChanged l) {
        LicenseStatus s = l.license().status();
        if (s != lastLicense) {
            lastLicense = s;
            if (s != LicenseStatus.EVALUATION) {
                composer.license(l.license()).ifPresent(this::dispatch);
            }
        }
    }

    private void checkEvaluation(TradingDesk desk) {
        try {
            composer.license(desk.license()).filter(m -> desk.license().status() == LicenseStatus.EVALUATION)
                    .ifPresent(m -> {
                        synchronized (this) {
                            if (!evaluationEndingNotified) {
                                evaluationEndingNotified = true;
                                dispatch(m);
                            }
                        }
                    });
        } catch (RuntimeException e) { // the hourly check must keep running
            LOG.warn("license check for notifications failed: {}", e.toString());
        }
    }

    private void dispatch(Message m) {
        for (Outbox o : outboxes) {
            if (config.routes(m.event(), o.channel().name())) {
                o.offer(m);
            }
        }
    }

    @Override
    public List<ChannelStatus> channels() {
        if (outboxes.isEmpty()) {
            return List.of();   // asked on every GET /api/health: no map made when nothing is configured
        }
        Map<String, ChannelStatus> byName = new LinkedHashMap<>();
        for (Outbox o : outboxes) {
            byName.merge(o.channel().name(), o.status(), DefaultNotifications::combine);
        }
        UpdatePoller p = poller;
        if (p != null && !p.problem().isEmpty()) {
            byName.computeIfPresent("telegram", (k, s) -> new ChannelStatus(s.channel(), s.destination(), false,
                    "approvals: " + p.problem() + (s.healthy() ? "" : "; " + s.message()), s.sent(), s.failed(),
                    s.dropped(), s.queued(), s.lastSentAt()));
        }
        return List.copyOf(byName.values());
    }

    private static ChannelStatus combine(ChannelStatus a, ChannelStatus b) {
        Optional<java.time.Instant> last = a.lastSentAt().isEmpty() ? b.lastSentAt() : b.lastSentAt().isEmpty()
                ? a.lastSentAt() : Optional.of(a.lastSentAt().get().isAfter(b.lastSentAt().get())
                        ? a.lastSentAt().get() : b.lastSentAt().get());
        String message = a.healthy() ? b.message() : a.message();
        return new ChannelStatus(a.channel(), a.destination(), a.healthy() && b.healthy(), message, a.sent() + b.sent(),
                a.failed() + b.failed(), a.dropped() + b.dropped(), a.queued() + b.queued(), last);
    }

    @Override
    public List<ChannelTest> test(Optional<String> channel) {
        List<ChannelTest> out = new ArrayList<>();
        for (Outbox o : outboxes) {
            var c = o.channel();
            if (channel.isPresent() && !channel.get().equals(c.name())) {
                continue;
            }
            Message m = composer.test();
            Attempt a = c.send(m);
            Delivery d = a.delivery();
            boolean ok = d instanceof Delivery.Sent;
            audit.record(c.name(), c.destination(), m.event(), a.body(), ok ? Outcome.SENT : Outcome.FAILED,
                    d.detail(), c.secrets());
            out.add(new ChannelTest(c.name(), c.destination(), ok, d.detail()));
        }
        return out;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (poller != null) {
            poller.close();
        }
        timer.shutdownNow();
        outboxes.forEach(Outbox::close);
    }
}
