package tech.brokerbridge.ports.market;

import java.time.Instant;
import java.util.Objects;

/** Whether a symbol's regular trading session is open now. */
public sealed interface MarketSession {
    /** The regular session is open; it closes at {@code closes}. */
    record Open(Instant closes) implements MarketSession {
        public Open {
            Objects.requireNonNull(closes, "closes");
        }
    }

    /** Outside the regular session; the next one opens at {@code opens}. */
    record Closed(Instant opens) implements MarketSession {
        public Closed {
            Objects.requireNonNull(opens, "opens");
        }
    }
}
