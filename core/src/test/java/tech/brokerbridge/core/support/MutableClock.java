package tech.brokerbridge.core.support;

import java.time.Instant;

/** The ports test-jar's {@link tech.brokerbridge.ports.fakes.MutableClock}, under the name core's tests import. */
public final class MutableClock extends tech.brokerbridge.ports.fakes.MutableClock {
    public MutableClock(Instant start) {
        super(start);
    }
}
