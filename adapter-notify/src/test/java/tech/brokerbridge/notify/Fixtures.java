package tech.brokerbridge.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.config.SettingsView;

/** Configurations for the adapter's tests: one channel at a time, short timings. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-27T16:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {
    }

    /** Short timings: 1.5 s requests, no batching or gap unless asked, backoff from 50 ms. */
    static NotifyConfig.Tuning fast() {
        return new NotifyConfig.Tuning(Duration.ofMillis(1500), 100, 3, Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(2),
                Duration.ofMillis(200));
    }

    static NotifyConfig none() {
        return NotifyConfig.from(SettingsView.defaults()).withTuning(fast());
    }

    static NotifyConfig ntfy(URI topic) {
        NotifyConfig d = none();
        return new NotifyConfig(Optional.of(topic), Optional.empty(), List.of(), List.of(), d.telegramApiBase(), false,
                0.5, d.smtp(), false, NotifyConfig.EVENT_NAMES, fast());
    }

    static NotifyConfig webhook(URI url) {
        NotifyConfig d = none();
        return new NotifyConfig(Optional.empty(), Optional.of(url), List.of(), List.of(), d.telegramApiBase(), false,
                0.5, d.smtp(), false, NotifyConfig.EVENT_NAMES, fast());
    }

    static NotifyConfig telegram(URI apiBase, List<String> chats, List<String> users, boolean approvals) {
        NotifyConfig d = none();
        return new NotifyConfig(Optional.empty(), Optional.empty(), chats, users, apiBase, approvals, 0.5, d.smtp(),
                false, NotifyConfig.EVENT_NAMES, fast());
    }

    static NotifyConfig email(NotifyConfig.Smtp smtp) {
        NotifyConfig d = none();
        return new NotifyConfig(Optional.empty(), Optional.empty(), List.of(), List.of(), d.telegramApiBase(), false,
                0.5, smtp, false, NotifyConfig.EVENT_NAMES, fast());
    }
}
