package tech.brokerbridge.http.testing;

import java.time.Instant;

/** The ports test-jar's {@link tech.brokerbridge.ports.fakes.MutableClock}, under the name the HTTP tests import. */
public final class MutableClock extends tech.brokerbridge.ports.fakes.MutableClock {
    public MutableClock(Instant start) {
        super(start);
    }

    public static MutableClock at(String isoInstant) {
        return new MutableClock(Instant.parse(isoInstant));
    }
}
