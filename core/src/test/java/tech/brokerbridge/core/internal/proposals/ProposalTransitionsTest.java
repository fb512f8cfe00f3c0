package tech.brokerbridge.core.internal.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.market.Direction;

class ProposalTransitionsTest {
    private static final Set<String> ALLOWED = Set.of("PENDING>APPROVED", "PENDING>REJECTED", "PENDING>EXPIRED",
            "APPROVED>EXECUTING", "APPROVED>FAILED", "EXECUTING>EXECUTED", "EXECUTING>FAILED");

    static Proposal in(ProposalStatus s) {
        Instant t = Instant.parse("2026-01-05T15:00:00Z");
        return new Proposal("prp-0123456789ab", "AAPL", Direction.LONG, "breakout", 0.8, 0.7, 100, 98, 104, 10, "t",
                List.of(), t, t.plusSeconds(60), s, List.of());
    }

    @Test
    void exactlyTheDocumentedTransitionsAreAllowedAndEveryOtherIsRefusedWithAWhy() {
        for (ProposalStatus from : ProposalStatus.values()) {
            for (ProposalStatus to : ProposalStatus.values()) {
                boolean expected = ALLOWED.contains(from + ">" + to);
                assertEquals(expected, ProposalTransitions.allowed(from, to), from + " -> " + to);
                var refusal = ProposalTransitions.refusal(in(from), to);
                assertEquals(!expected, refusal.isPresent(), from + " -> " + to);
                refusal.ifPresent(r -> assertTrue(r.startsWith("proposal prp-0123456789ab "), r));
            }
        }
    }

    @Test
    void refusalsSayWhy() {
        assertEquals("proposal prp-0123456789ab is expired; it cannot be approved",
                ProposalTransitions.refusal(in(ProposalStatus.EXPIRED), ProposalStatus.APPROVED).orElseThrow());
        assertTrue(ProposalTransitions.refusal(in(ProposalStatus.APPROVED), ProposalStatus.APPROVED).orElseThrow()
                .contains("already approved"));
        assertTrue(ProposalTransitions.refusal(in(ProposalStatus.EXECUTED), ProposalStatus.REJECTED).orElseThrow()
                .contains("already executed"));
    }

    @Test
    void idsArePrpAndTwelveLowercaseHexAndRandom() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RandomIds.proposalId();
            assertTrue(RandomIds.PROPOSAL_ID.matcher(id).matches(), id);
            seen.add(id);
        }
        assertEquals(1000, seen.size());
        assertNotEquals(RandomIds.scanId(), RandomIds.scanId());
        assertTrue(RandomIds.decisionId().matches("dec-[0-9a-f]{12}"));
        assertEquals(EnumSet.allOf(ProposalStatus.class).size(), 7);
    }
}
