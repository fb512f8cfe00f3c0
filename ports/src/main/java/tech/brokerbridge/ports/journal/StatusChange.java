package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.Require;

/** One entry of a proposal's status history. {@code from} is empty for the creation. */
public record StatusChange(Instant time, Optional<ProposalStatus> from, ProposalStatus to, String reason) {
    public StatusChange {
        Require.nonNull("time", time, "from", from, "to", to, "reason", reason);
    }
}
