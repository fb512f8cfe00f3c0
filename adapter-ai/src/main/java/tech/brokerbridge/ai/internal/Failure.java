package tech.brokerbridge.ai.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.advisor.AdvisorException;

/**
 * How a non-2xx answer is handled: which kind of failure it becomes, whether a retry may help, and a
 * delay the body asks for (Gemini {@code RetryInfo}).
 */
record Failure(AdvisorException.Kind kind, boolean retryable, String message, Optional<Duration> retryDelay) {
    Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(retryDelay, "retryDelay");
    }

    /**
     * The common rules. 401/403: unauthorized, never retried. 402: out of credit, not retried.
     * 408/504: timeout, 409/5xx (529 included): unavailable, 429: rate limited, all retried. Any
     * other status: the provider refused our request, not retried.
     *
     * @param detail the provider's error type and message, already free of secrets
     */
    static Failure byStatus(int status, String detail) {
        String d = detail.isBlank() ? "" : " " + detail;
        if (status == 401 || status == 403) {
            return unauthorized();
        }
        if (status == 402) {
            return new Failure(AdvisorException.Kind.RATE_LIMITED, false, "out of credit (HTTP 402" + d + ")",
                    Optional.empty());
        }
        if (status == 429) {
            return new Failure(AdvisorException.Kind.RATE_LIMITED, true, "rate limited (HTTP 429" + d + ")",
                    Optional.empty());
        }
        if (status == 408 || status == 504) {
            return new Failure(AdvisorException.Kind.TIMEOUT, true, "provider timed out (HTTP " + status + d + ")",
                    Optional.empty());
        }
        if (status == 409 || status >= 500) {
            return new Failure(AdvisorException.Kind.UNREACHABLE, true,
                    "provider unavailable (HTTP " + status + d + ")", Optional.empty());
        }
        return new Failure(AdvisorException.Kind.INVALID_RESPONSE, false,
                "provider refused the request (HTTP " + status + d + ")", Optional.empty());
    }

    static Failure unauthorized() {
        return new Failure(AdvisorException.Kind.UNAUTHORIZED, false, "unauthorized", Optional.empty());
    }

    Failure withRetryDelay(Optional<Duration> delay) {
        return new Failure(kind, retryable, message, delay);
    }

    Failure notRetryable(String newMessage) {
        return new Failure(kind, false, newMessage, retryDelay);
    }
}
