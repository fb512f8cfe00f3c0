package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;

/** Lists of proposals read their gates and history in bulk, in lists of ids longer than one query takes. */
class ProposalListTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");

    @TempDir
    Path dir;

    @Test
    void moreProposalsThanOneInListHoldComeBackWholeEachWithItsOwnGatesAndHistory() {
        try (SqliteJournal journal = SqliteJournal.open(dir.resolve("j.db"), Duration.ofSeconds(5))) {
            List<Proposal> saved = new ArrayList<>();
            int n = Sql.IN_CHUNK + 3;
            for (int i = 1; i <= n; i++) {
                Proposal p = JournalSamples.proposal(i, T0.plusSeconds(i), i % 3 == 0 ? ProposalStatus.PENDING
                        : ProposalStatus.EXECUTING);
                saved.add(i % 7 == 0 ? p.withTrade(p.quantity(), p.stopPrice(), p.targetPrice(), List.of()) : p);
            }
            saved.forEach(journal::saveProposal);
            assertEquals(saved, journal.proposalsWithStatus(List.of(ProposalStatus.PENDING, ProposalStatus.EXECUTING)));
            assertEquals(saved.stream().filter(p -> p.status() == ProposalStatus.PENDING).toList(),
                    journal.proposalsWithStatus(List.of(ProposalStatus.PENDING)));
        }
    }
}
