package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One entry of a proposal's status history. {@code from} is empty for the creation. */
public record StatusChange(Instant time, Optional<ProposalStatus> from, ProposalStatus to, String reason) {
    public StatusChange {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
