package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tech.brokerbridge.sqlite.internal.SqlRows.column;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;

/**
 * Migration 5 on a journal written at version 4: the approvals log keeps every row in its order, with
 * its channel and actor (the table is rebuilt without its foreign key), fills keep theirs and take
 * commissions, and a line for a position the desk did not open (no proposal) can now be written.
 */
class OpenTradesMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion4JournalKeepsItsApprovalsAndFillsAndTakesTheNewRecords() throws SQLException {
        Proposal p = JournalSamples.proposal(1, JournalSamples.T0, ProposalStatus.REJECTED);
        ApprovalRecord reject = JournalSamples.approval(p, ApprovalRecord.Action.REJECT, JournalSamples.T0);
        ApprovalRecord modify = new ApprovalRecord(JournalSamples.T0, p.proposalId(), p.symbol(),
                ApprovalRecord.Action.MODIFY, 10, 97.25, 107.75, OptionalLong.of(5), OptionalDouble.of(98.0),
                OptionalDouble.empty(), "tighter ✓", "telegram", "4242");
        FillRecord fill = new FillRecord("exec-1", p.proposalId(), OrderLeg.ENTRY, "AAPL", 10, 100.5,
                JournalSamples.T0);
        try (SqliteJournal v4 = new SqliteJournal(Database.open(dir.resolve("brokerbridge.db"), Duration.ofSeconds(5),
                Migration.all().subList(0, 4)))) {
            v4.saveProposalWithApproval(p, reject);
            v4.saveProposalWithApproval(p, modify);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("brokerbridge.db"));
                java.sql.Statement s = c.createStatement()) { // the fills table of version 4 has no commission
            s.execute("INSERT INTO fills (execution_id, order_ref, leg, symbol, quantity, price, time_ns) VALUES"
                    + " ('exec-1', '" + p.proposalId() + "', 'entry', 'AAPL', 10, 100.5, "
                    + Values.nanos(JournalSamples.T0) + ")");
        }
        try (SqliteJournal v5 = SqliteJournal.open(dir.resolve("brokerbridge.db"), Duration.ofSeconds(5))) {
            assertEquals(List.of(reject, modify), v5.approvals());
            assertEquals(List.of(fill), v5.fills(p.proposalId()));
            v5.recordCommission("exec-1", 1.0);
            ApprovalRecord elsewhere = new ApprovalRecord(JournalSamples.T0.plusSeconds(1), "", "MSFT",
                    ApprovalRecord.Action.CLOSE, 40, 0, 0, OptionalLong.of(0), OptionalDouble.empty(),
                    OptionalDouble.empty(), "opened in the IB app");
            v5.beginAction(JournalSamples.closeAction(9, JournalSamples.T0.plusSeconds(1), 40,
                    java.util.Optional.empty()), List.of(elsewhere));
            assertEquals(List.of(reject, modify, elsewhere), v5.approvals());
            assertEquals(OptionalDouble.of(1.0), v5.fills(p.proposalId()).get(0).commission());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("brokerbridge.db"))) {
            assertEquals(List.of("1", "2", "3", "4", "5"), column(c, "SELECT version FROM schema_version ORDER BY version"));
            assertEquals(List.of("approvals_by_time"), column(c, "SELECT name FROM sqlite_master WHERE type = 'index'"
                    + " AND tbl_name = 'approvals'"));
        }
    }
}
