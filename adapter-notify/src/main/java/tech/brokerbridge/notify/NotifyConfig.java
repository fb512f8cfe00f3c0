package tech.brokerbridge.notify;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.config.InvalidSettingsException;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingProblem;
import tech.brokerbridge.ports.config.SettingRule;
import tech.brokerbridge.ports.config.SettingType;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * Which notification channels the desk sends to, and how. It owns the {@code notifications.*} settings
 * ({@link #SETTINGS}, with the rules between them) and builds itself from configured values with
 * {@link #from}. A channel is configured when its destination is: {@link #NTFY_URL}, {@link #WEBHOOK_URL},
 * {@link #TELEGRAM_CHAT_IDS}, {@link #SMTP_HOST}. Secrets are never here: the bot token, the SMTP password,
 * the ntfy token and the webhook secret are read from the vault at each send ({@code telegram.bot_token},
 * {@code smtp.password}, {@code ntfy.token}, {@code webhook.secret}).
 *
 * @param ntfyUrl the ntfy topic URL ({@code https://ntfy.sh/my-topic}); empty: no ntfy
 * @param webhookUrl the webhook URL; empty: no webhook
 * @param telegramChatIds the chats the bot writes to; empty: no Telegram
 * @param telegramUserIds the users whose button presses and {@code /kill} are accepted
 * @param telegramApiBase the Bot API base ({@code https://api.telegram.org}; for proxies and tests)
 * @param telegramApprovals whether new-proposal messages carry Approve/Reject buttons (and the bot reads
 *     presses and {@code /kill} by long-polling); needs chat ids and user ids
 * @param tighterStop the "Approve, tighter stop" button moves the stop this fraction of the way to the
 *     entry; 0 leaves the button out
 * @param smtp the mail server and addresses; empty host: no email
 * @param includeAmounts whether messages may carry money figures (P&L in money)
 * @param events which events go to which channel ({@link #EVENTS})
 * @param tuning timeouts, queue size, retries and pacing (code only, not settings)
 */
public record NotifyConfig(Optional<URI> ntfyUrl, Optional<URI> webhookUrl, List<String> telegramChatIds,
        List<String> telegramUserIds, URI telegramApiBase, boolean telegramApprovals, double tighterStop, Smtp smtp,
        boolean includeAmounts, List<String> events, Tuning tuning) {
    /** The events a user can route, in documentation order. */
    public static final List<String> EVENT_NAMES = List.of("proposal", "fill", "trade_closed", "unprotected_position",
            "kill_switch", "broker", "ai", "license");
    /** The channels, by the names events are routed to. */
    public static final List<String> CHANNELS = List.of("ntfy", "telegram", "webhook", "email");

    private static final Pattern HOST = Pattern.compile("|[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@,;<>\"]{1,64}@[A-Za-z0-9.-]{1,253}");
    private static final Pattern EVENT = Pattern.compile("(" + String.join("|", EVENT_NAMES) + ")(@("
            + String.join("|", CHANNELS) + "))?");

    public static final Setting<URI> NTFY_URL = optionalUrl("notifications.ntfy.url",
            "ntfy topic URL (https://ntfy.sh/your-topic or your own server); access token: credentials set ntfy");
    public static final Setting<List<String>> TELEGRAM_CHAT_IDS = Setting.list("notifications.telegram.chat_ids",
            Pattern.compile("-?\\d{1,20}"), "a Telegram chat id", 0, 10, List.of(),
            "chats the Telegram bot writes to (bot token: credentials set telegram)");
    public static final Setting<List<String>> TELEGRAM_USER_IDS = Setting.list("notifications.telegram.user_ids",
            Pattern.compile("\\d{1,20}"), "a Telegram user id", 0, 10, List.of(),
            "Telegram users whose button presses and /kill are accepted");
    public static final Setting<URI> TELEGRAM_API_BASE = Setting.url("notifications.telegram.api_base",
            URI.create("https://api.telegram.org"), "Telegram Bot API base (for proxies and tests)");
    public static final Setting<Boolean> TELEGRAM_APPROVALS = Setting.bool("notifications.telegram.approvals", false,
            "approve and reject from Telegram buttons, /kill from the chat; needs the chat and user ids");
    public static final Setting<Double> TELEGRAM_TIGHTER_STOP = Setting.decimal("notifications.telegram.tighter_stop",
            0, 0.9, 0.5, "the tighter-stop button moves the stop this fraction of the way to the entry; 0 hides it");
    public static final Setting<URI> WEBHOOK_URL = optionalUrl("notifications.webhook.url",
            "webhook URL, sent a signed JSON POST (secret: credentials set webhook)");
    public static final Setting<String> SMTP_HOST = Setting.text("notifications.smtp.host", HOST,
            "a host name or address", "", "mail server (SMTP) host; password: credentials set smtp");
    public static final Setting<Integer> SMTP_PORT = Setting.integer("notifications.smtp.port", 1, 65535, 587,
            "mail server port: 587 with STARTTLS, 465 with TLS");
    public static final Setting<String> SMTP_SECURITY = Setting.choice("notifications.smtp.security",
            List.of("starttls", "tls"), "starttls", "STARTTLS (required, never plain) or TLS from the first byte");
    public static final Setting<String> SMTP_USERNAME = Setting.text("notifications.smtp.username",
            Pattern.compile("[^\\s]{0,254}"), "a user name without spaces", "",
            "SMTP login; empty uses notifications.smtp.from");
    public static final Setting<String> SMTP_FROM = Setting.text("notifications.smtp.from",
            Pattern.compile("|" + EMAIL.pattern()), "an email address", "", "sender address");
    public static final Setting<List<String>> SMTP_TO = Setting.list("notifications.smtp.to", EMAIL, "an email address",
            0, 10, List.of(), "recipient addresses");
    public static final Setting<String> SMTP_CA_FILE = Setting.text("notifications.smtp.ca_file",
            Pattern.compile("[^\\x00-\\x1f]{0,4096}"), "a file path", "",
            "PEM certificate(s) to trust for the mail server besides the system's (a self-signed home server)");
    public static final Setting<Boolean> INCLUDE_AMOUNTS = Setting.bool("notifications.include_amounts", false,
            "messages may carry money figures (P&L in money); never the account id, balance or cash");
    public static final Setting<List<String>> EVENTS = Setting.list("notifications.events", EVENT,
            "an event, or event@channel", 0, 64, EVENT_NAMES,
            "which events are sent: an event goes to every channel, event@channel to that one only");

    /** The adapter's settings and the rules between them. */
    public static final SettingGroup SETTINGS = SettingGroup.of("NotifyConfig",
            List.of(NTFY_URL, TELEGRAM_CHAT_IDS, TELEGRAM_USER_IDS, TELEGRAM_API_BASE, TELEGRAM_APPROVALS,
                    TELEGRAM_TIGHTER_STOP, WEBHOOK_URL, SMTP_HOST, SMTP_PORT, SMTP_SECURITY, SMTP_USERNAME, SMTP_FROM,
                    SMTP_TO, SMTP_CA_FILE, INCLUDE_AMOUNTS, EVENTS),
            new SettingRule(List.of(TELEGRAM_APPROVALS, TELEGRAM_CHAT_IDS, TELEGRAM_USER_IDS),
                    v -> approvalsProblem(v.get(TELEGRAM_APPROVALS), v.get(TELEGRAM_CHAT_IDS),
                            v.get(TELEGRAM_USER_IDS))),
            new SettingRule(List.of(SMTP_HOST, SMTP_FROM, SMTP_TO),
                    v -> smtpProblem(v.get(SMTP_HOST), v.get(SMTP_FROM), v.get(SMTP_TO))),
            new SettingRule(List.of(NTFY_URL), v -> v.find(NTFY_URL).flatMap(NotifyConfig::topicProblem)));

    public NotifyConfig {
        Require.nonNull("ntfyUrl", ntfyUrl, "webhookUrl", webhookUrl, "telegramApiBase", telegramApiBase, "smtp", smtp,
                "tuning", tuning);
        telegramChatIds = List.copyOf(telegramChatIds);
        telegramUserIds = List.copyOf(telegramUserIds);
        events = List.copyOf(events);
        List<SettingProblem> problems = new ArrayList<>(SETTINGS.problems(Map.ofEntries(
                Map.entry(TELEGRAM_CHAT_IDS, telegramChatIds), Map.entry(TELEGRAM_USER_IDS, telegramUserIds),
                Map.entry(TELEGRAM_API_BASE, telegramApiBase), Map.entry(TELEGRAM_APPROVALS, telegramApprovals),
                Map.entry(TELEGRAM_TIGHTER_STOP, tighterStop), Map.entry(SMTP_HOST, smtp.host()),
                Map.entry(SMTP_PORT, smtp.port()), Map.entry(SMTP_SECURITY, smtp.security()),
                Map.entry(SMTP_USERNAME, smtp.username()), Map.entry(SMTP_FROM, smtp.from()),
                Map.entry(SMTP_TO, smtp.to()), Map.entry(SMTP_CA_FILE, smtp.caFile()),
                Map.entry(INCLUDE_AMOUNTS, includeAmounts), Map.entry(EVENTS, events))));
        ntfyUrl.ifPresent(u -> problems.addAll(SETTINGS.problems(Map.of(NTFY_URL, u))));
        webhookUrl.ifPresent(u -> problems.addAll(SETTINGS.problems(Map.of(WEBHOOK_URL, u))));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** The configuration from configured values; the tuning takes its defaults. */
    public static NotifyConfig from(SettingsView v) {
        return new NotifyConfig(v.find(NTFY_URL), v.find(WEBHOOK_URL), v.get(TELEGRAM_CHAT_IDS),
                v.get(TELEGRAM_USER_IDS), v.get(TELEGRAM_API_BASE), v.get(TELEGRAM_APPROVALS),
                v.get(TELEGRAM_TIGHTER_STOP), new Smtp(v.get(SMTP_HOST), v.get(SMTP_PORT), v.get(SMTP_SECURITY),
                        v.get(SMTP_USERNAME), v.get(SMTP_FROM), v.get(SMTP_TO), v.get(SMTP_CA_FILE)),
                v.get(INCLUDE_AMOUNTS), v.get(EVENTS), Tuning.defaults());
    }

    /** No channel at all: the desk sends nothing. */
    public static NotifyConfig defaults() {
        return from(SettingsView.defaults());
    }

    /** The configured channels, in {@link #CHANNELS} order. */
    public List<String> channels() {
        List<String> out = new ArrayList<>();
        ntfyUrl.ifPresent(u -> out.add("ntfy"));
        if (!telegramChatIds.isEmpty()) {
            out.add("telegram");
        }
        webhookUrl.ifPresent(u -> out.add("webhook"));
        if (!smtp.host().isEmpty()) {
            out.add("email");
        }
        return out;
    }

    /** Whether {@code event} goes to {@code channel}. */
    public boolean routes(String event, String channel) {
        return events.contains(event) || events.contains(event + "@" + channel);
    }

    public NotifyConfig withTuning(Tuning t) {
        return new NotifyConfig(ntfyUrl, webhookUrl, telegramChatIds, telegramUserIds, telegramApiBase,
                telegramApprovals, tighterStop, smtp, includeAmounts, events, t);
    }

    /**
     * The mail server and addresses.
     *
     * @param host empty: no email
     * @param security {@code starttls} (the server must offer it) or {@code tls}
     * @param username the login; empty uses {@code from}
     * @param caFile PEM certificates trusted besides the system's; empty: the system's only
     */
    public record Smtp(String host, int port, String security, String username, String from, List<String> to,
            String caFile) {
        public Smtp {
            Require.nonNull("host", host, "security", security, "username", username, "from", from, "caFile", caFile);
            to = List.copyOf(to);
        }

        /** The login: the username, else the sender address. */
        public String login() {
            return username.isEmpty() ? from : username;
        }
    }

    /**
     * How delivery behaves; not settings (tests shorten them).
     *
     * @param requestTimeout one HTTP request or SMTP exchange (default 10 s)
     * @param queueSize messages waiting per channel before the oldest is dropped (default 100)
     * @param maxAttempts tries per message (default 5)
     * @param firstBackoff the wait after the first failure, doubling up to {@code maxBackoff} (1 s, 60 s)
     * @param maxRetryAfter the longest {@code Retry-After} honoured before the message fails (default 5 min)
     * @param batchWindow how long a message waits for others of its kind to coalesce with (default 2 s)
     * @param minGap the least time between two messages of one channel (default 1 s)
     * @param pollTimeout the long-poll of Telegram's {@code getUpdates} (default 25 s)
     * @param staleCommand a {@code /kill} older than this when read is ignored (default 2 min)
     * @param brokerGrace how long the broker must stay disconnected before a message says so (default 60 s)
     */
    public record Tuning(Duration requestTimeout, int queueSize, int maxAttempts, Duration firstBackoff,
            Duration maxBackoff, Duration maxRetryAfter, Duration batchWindow, Duration minGap, Duration pollTimeout,
            Duration staleCommand, Duration brokerGrace) {
        public Tuning {
            for (Duration d : List.of(requestTimeout, firstBackoff, maxBackoff, maxRetryAfter, batchWindow, minGap,
                    pollTimeout, staleCommand, brokerGrace)) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("notification timings must not be negative");
                }
            }
            if (queueSize < 1 || maxAttempts < 1 || requestTimeout.isZero()) {
                throw new IllegalArgumentException("queue size, attempts and request timeout must be positive");
            }
        }

        public static Tuning defaults() {
            return new Tuning(Duration.ofSeconds(10), 100, 5, Duration.ofSeconds(1), Duration.ofSeconds(60),
                    Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(25),
                    Duration.ofMinutes(2), Duration.ofSeconds(60));
        }
    }

    private static Setting<URI> optionalUrl(String key, String description) {
        return new Setting<>(key, new SettingType.HttpUrl(), Optional.empty(), description, false, List.of());
    }

    private static Optional<String> approvalsProblem(boolean on, List<String> chats, List<String> users) {
        return on && (chats.isEmpty() || users.isEmpty())
                ? Optional.of("notifications.telegram.approvals needs notifications.telegram.chat_ids and"
                        + " notifications.telegram.user_ids: only presses from those users in those chats are accepted")
                : Optional.empty();
    }

    private static Optional<String> smtpProblem(String host, String from, List<String> to) {
        boolean any = !host.isEmpty() || !from.isEmpty() || !to.isEmpty();
        boolean all = !host.isEmpty() && !from.isEmpty() && !to.isEmpty();
        return any && !all ? Optional.of("email needs notifications.smtp.host, notifications.smtp.from and"
                + " notifications.smtp.to together") : Optional.empty();
    }

    private static Optional<String> topicProblem(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.matches("(/[^/]+)*/[A-Za-z0-9_-]{1,64}") ? Optional.empty()
                : Optional.of("notifications.ntfy.url must end with the topic name, e.g. https://ntfy.sh/my-desk-alerts");
    }
}
