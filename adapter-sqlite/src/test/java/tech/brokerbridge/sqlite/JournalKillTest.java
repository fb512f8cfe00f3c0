package tech.brokerbridge.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.SigkillOutline;

/**
 * Nothing lost: a child JVM writes to the journal and reports each acknowledged write; the test
 * kills it with SIGKILL mid-flow, reopens the file and finds every acknowledged write, exactly.
 */
class JournalKillTest extends SigkillOutline {
    private static final int DONE_BEFORE_KILL = 25;

    JournalKillTest() {
        super(JournalWriterMain.class, "done ", DONE_BEFORE_KILL);
    }

    @Override
    protected void findEveryAcknowledgedStep(Path data, List<String> acks) throws Exception {
        try (ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(data))) {
            for (String ack : acks) {
                int n = Integer.parseInt(ack.substring(ack.indexOf(' ') + 1));
                String id = JournalWriterMain.pending(n).proposalId();
                switch (ack.substring(0, ack.indexOf(' '))) {
                    case "pending" -> assertTrue(journal.findProposal(id).isPresent(), ack);
                    case "approved" -> {
                        assertEquals(Optional.of(JournalWriterMain.approved(n)), journal.findProposal(id), ack);
                        assertTrue(journal.approvals().contains(JournalWriterMain.approval(n)), ack);
                    }
                    case "done" -> {
                        assertEquals(Optional.of(JournalWriterMain.order(n)), journal.findOrder(id), ack);
                        assertEquals(List.of(JournalWriterMain.fill(n)), journal.fills(id), ack);
                        assertTrue(journal.aiAudit(500).contains(JournalWriterMain.exchange(n)), ack);
                    }
                    default -> throw new AssertionError("unexpected line from the child: " + ack);
                }
            }
            // and nothing is half-written: whatever else made it in is whole
            for (Proposal p : journal.proposals(ProposalQuery.all(ProposalQuery.MAX_LIMIT)).proposals()) {
                int n = Integer.parseInt(p.proposalId().substring(4), 16);
                Proposal expected = p.status() == ProposalStatus.PENDING
                        ? JournalWriterMain.pending(n) : JournalWriterMain.approved(n);
                assertEquals(expected, p);
            }
        }
    }
}
