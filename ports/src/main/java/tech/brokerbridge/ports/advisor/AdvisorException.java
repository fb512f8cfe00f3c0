package tech.brokerbridge.ports.advisor;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.brokerbridge.ports.PortException;

/** No valid decision could be had. Carries the exchanges made on the way, for the audit. */
public class AdvisorException extends PortException {
    private static final long serialVersionUID = 1L;
    private final Kind kind;
    private final transient List<AiExchange> exchanges;

    public AdvisorException(Kind kind, String message, List<AiExchange> exchanges, Throwable cause) {
        super(message, kind.retryable, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.exchanges = List.copyOf(exchanges);
    }

    public Kind kind() {
        return kind;
    }

    public List<AiExchange> exchanges() {
        return exchanges;
    }

    /** Why no decision came. The wire code is e.g. {@code ai_invalid_response}. */
    public enum Kind {
        UNREACHABLE(true), TIMEOUT(true), RATE_LIMITED(true), UNAUTHORIZED(false), INVALID_RESPONSE(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public String code() {
            return "ai_" + name().toLowerCase(Locale.ROOT);
        }
    }
}
