package tech.brokerbridge.ports.journal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of proposals and the cursor of the next page, if there is one. */
public record ProposalPage(List<Proposal> proposals, Optional<String> nextCursor) {
    public ProposalPage {
        proposals = List.copyOf(proposals);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
