package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Objects;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;

/** The kill switch as the desk keeps it between runs: released, or engaged by someone for a reason. */
public sealed interface KillSwitchState {
    /** When the switch took this state. */
    Instant since();

    /** Released (trading allowed) since {@code since}. */
    record Released(Instant since) implements KillSwitchState {
        public Released {
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * Engaged since {@code since}: no scan, approval or submission until released.
     *
     * @param reason why, as shown to the user (never blank)
     */
    record Engaged(Instant since, EngagedBy by, String reason) implements KillSwitchState {
        public Engaged {
            Require.nonNull("since", since, "by", by, "reason", reason);
            if (reason.isBlank()) {
                throw new IllegalArgumentException("an engaged kill switch has a reason");
            }
        }
    }

    /** Who engaged the switch: the user, or the desk because today's loss reached the daily limit. */
    enum EngagedBy implements WireName {
        USER, DAILY_LOSS_LIMIT;

        public static EngagedBy fromWire(String s) {
            return WireName.fromWire(EngagedBy.class, s);
        }
    }
}
