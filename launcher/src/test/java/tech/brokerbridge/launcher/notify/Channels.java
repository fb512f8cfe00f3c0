package tech.brokerbridge.launcher.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.notify.fake.FakeNtfyServer;
import tech.brokerbridge.notify.fake.FakeTelegramServer;
import tech.brokerbridge.notify.fake.MailServer;
import tech.brokerbridge.notify.fake.RecordingServer;
import tech.brokerbridge.notify.fake.WebhookReceiver;

/**
 * The four channels' local fakes, with the secrets the desk is given for them, and the desk's
 * {@code notifications.*} flags pointing at them (Telegram approvals on).
 */
final class Channels implements AutoCloseable {
    static final String BOT_TOKEN = "7700:CANARY-telegram-bot-token-QWE";
    static final String NTFY_TOKEN = "tk_CANARYntfyaccess0099";
    static final String WEBHOOK_SECRET = "whsec_CANARY_webhook_secret_4411";
    static final String SMTP_PASSWORD = "CANARY-smtp-password-8812";
    static final long CHAT = -1001234567;
    static final long USER = 4242;

    final FakeNtfyServer ntfy = new FakeNtfyServer(Optional.of(NTFY_TOKEN));
    final FakeTelegramServer telegram;
    final WebhookReceiver webhook;
    final MailServer mail = new MailServer("desk@example.org", SMTP_PASSWORD);

    Channels(Clock clock) {
        telegram = new FakeTelegramServer(BOT_TOKEN, clock);
        webhook = new WebhookReceiver(WEBHOOK_SECRET, clock);
    }

    /** The configuration of every channel, as flags. */
    Map<String, String> flags() {
        Map<String, String> f = new HashMap<>();
        f.put("notifications.ntfy.url", ntfy.topicUrl("desk-alerts"));
        f.put("notifications.telegram.api_base", telegram.baseUrl().toString());
        f.put("notifications.telegram.chat_ids", Long.toString(CHAT));
        f.put("notifications.telegram.user_ids", Long.toString(USER));
        f.put("notifications.telegram.approvals", "true");
        f.put("notifications.webhook.url", webhook.url());
        f.put("notifications.smtp.host", "127.0.0.1");
        f.put("notifications.smtp.port", Integer.toString(mail.tlsPort()));
        f.put("notifications.smtp.security", "tls");
        f.put("notifications.smtp.from", "desk@example.org");
        f.put("notifications.smtp.to", "trader@example.org");
        f.put("notifications.smtp.ca_file", mail.caFile().toString());
        return f;
    }

    /** The credentials API bodies: provider → secret. */
    static Map<String, String> secrets() {
        return Map.of("telegram", BOT_TOKEN, "ntfy", NTFY_TOKEN, "webhook", WEBHOOK_SECRET, "smtp", SMTP_PASSWORD);
    }

    /** Every HTTP request the fakes received. */
    List<RecordingServer.Recorded> httpRequests() {
        List<RecordingServer.Recorded> all = new ArrayList<>(ntfy.requests());
        all.addAll(telegram.requests());
        all.addAll(webhook.requests());
        return all;
    }

    @Override
    public void close() {
        ntfy.close();
        telegram.close();
        webhook.close();
        mail.close();
    }
}
