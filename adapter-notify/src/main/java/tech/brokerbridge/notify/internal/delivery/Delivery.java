package tech.brokerbridge.notify.internal.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one try to send a message came to. */
public sealed interface Delivery {
    String detail();

    /** The channel took it. */
    record Sent(String detail) implements Delivery {
        public Sent {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** It may go through later (a timeout, 5xx, 429); {@code after}: the wait the channel asked for. */
    record Retry(Optional<Duration> after, String detail) implements Delivery {
        public Retry {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** It never will (refused, no credential saved): no retry. */
    record Failed(String detail) implements Delivery {
        public Failed {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
