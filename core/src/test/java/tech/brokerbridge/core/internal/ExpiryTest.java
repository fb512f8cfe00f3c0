package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tech.brokerbridge.core.internal.Harness.assertStatus;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;

class ExpiryTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aPendingProposalIsValidUntilJustBeforeItsExpiry() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertStatus("pending", h.desk.proposal(p.proposalId()).orElseThrow());
        h.clock.advance(Duration.ofMillis(1));
        Proposal expired = h.desk.proposal(p.proposalId()).orElseThrow();
        assertStatus("expired", expired);
        assertEquals(expired, h.reload(p), "the lazy expiry is saved");
    }

    @Test
    void theSweeperExpiresOverdueProposals() {
        h.start();
        Proposal a = h.propose("AAPL");
        h.clock.advance(Duration.ofMinutes(20));
        Proposal b = h.propose("MSFT");
        h.clock.advance(Duration.ofMinutes(10));
        h.desk.runMaintenance();
        assertStatus("expired", h.reload(a));
        assertStatus("pending", h.reload(b));
        assertEquals(1, h.desk.proposals(new ProposalQuery(Optional.of(ProposalStatus.PENDING), Optional.empty(),
                10, Optional.empty())).proposals().size());
    }

    @Test
    void aListingShowsTheRealStatus() {
        h.start();
        h.propose("AAPL");
        h.clock.advance(Duration.ofMinutes(31));
        assertEquals(ProposalStatus.EXPIRED, h.desk.proposals(ProposalQuery.all(10)).proposals().get(0).status());
    }
}
