package tech.brokerbridge.ai.internal;

import java.time.Duration;
import java.util.Optional;

/** Fixed limits shared by the providers. */
final class Limits {
    /** Output budget per answer; leaves room for models that think before answering. */
    static final int MAX_OUTPUT_TOKENS = 4096;
    /** Longest wait between retries; a provider asking for longer is not retried. */
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(20);
    /** Connect timeout cap (the per-call timeout applies when it is shorter). */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DETAIL = 200;

    private Limits() {
    }

    /** "type: message" from a provider error body, plain and short. */
    static String detail(Optional<String> type, Optional<String> message) {
        String s = type.map(t -> message.map(m -> t + ": " + m).orElse(t)).orElse(message.orElse(""));
        return Texts.truncate(Texts.plain(s), MAX_DETAIL);
    }
}
