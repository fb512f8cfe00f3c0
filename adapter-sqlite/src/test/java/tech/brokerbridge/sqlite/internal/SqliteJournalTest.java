package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.sqlite.internal.SqlRows.column;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;
import tech.brokerbridge.ports.tck.ProposalLogContract;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/** What the contract cannot see: the file, its pragmas, locking, rollback and error translation. */
class SqliteJournalTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");

    @TempDir
    Path dir;

    @Test
    void createsTheDirectoryAndTheFileWithDurablePragmas() {
        Path data = dir.resolve("not/yet/there");
        try (SqliteJournal journal = open(new SqliteConfig(data, Duration.ofMillis(1234)))) {
            assertTrue(Files.isRegularFile(data.resolve("brokerbridge.db")));
            Database db = journal.database();
            assertEquals("wal", db.pragma("journal_mode"));
            assertEquals("2", db.pragma("synchronous"), "FULL");
            assertEquals("1", db.pragma("foreign_keys"));
            assertEquals("1234", db.pragma("busy_timeout"));
        }
    }

    @Test
    void migratesAnEmptyFileToTheLatestSchemaOnceOnly() throws SQLException {
        open(SqliteConfig.defaults(dir)).close();
        open(SqliteConfig.defaults(dir)).close();
        try (Connection c = raw()) {
            assertEquals(List.of("1", "2", "3", "4", "5"), column(c, "SELECT version FROM schema_version ORDER BY version"));
            assertEquals(List.of("ai_audit", "approvals", "closed_trades", "decision_evidence", "decision_gate_values",
                    "decision_gates", "decisions", "fills", "kill_switch", "license", "notification_audit",
                    "open_trades", "order_broker_ids", "orders", "proposal_cool_downs", "proposal_gate_values",
                    "proposal_gates", "proposal_status_history", "proposals", "schema_version", "trade_actions"),
                    column(c, "SELECT name FROM sqlite_master WHERE type = 'table'"
                            + " AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        }
    }

    @Test
    void refusesAFileFromANewerBuild() throws SQLException {
        open(SqliteConfig.defaults(dir)).close();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version VALUES (99, 'from the future', 'now')");
        }
        JournalException e = assertThrows(JournalException.class, () -> open(SqliteConfig.defaults(dir)));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("99") && e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Files.writeString(dir.resolve("brokerbridge.db"), "this is not SQLite, just some text ".repeat(100));
        JournalException e = assertThrows(JournalException.class, () -> open(SqliteConfig.defaults(dir)));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());
    }

    @Test
    void aWriteBlockedByAnotherConnectionFailsRetryablyAndReadsGoOn() throws SQLException {
        try (SqliteJournal journal = open(new SqliteConfig(dir, Duration.ofMillis(50)))) {
            journal.saveProposal(proposal(1));
            try (Connection other = raw(); Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                JournalException e = assertThrows(JournalException.class, () -> journal.saveProposal(proposal(2)));
                assertTrue(e.retryable(), e.getMessage());
                assertTrue(journal.findProposal(proposal(1).proposalId()).isPresent(), "WAL readers are not blocked");
                s.execute("ROLLBACK");
            }
            journal.saveProposal(proposal(2));
            assertTrue(journal.findProposal(proposal(2).proposalId()).isPresent());
        }
    }

    @Test
    void aFailedApprovalRollsBackTheProposal() throws SQLException {
        try (SqliteJournal journal = open(SqliteConfig.defaults(dir))) {
            Proposal pending = saved(journal, proposal(1));
            refuseInsertsInto("approvals");
            Proposal approved = pending.withStatus(ProposalStatus.APPROVED, T0.plusSeconds(1), "user");
            JournalException e = assertThrows(JournalException.class,
                    () -> journal.saveProposalWithApproval(approved, approval(approved)));
            assertFalse(e.retryable());
            assertEquals(Optional.of(pending), journal.findProposal(pending.proposalId()));
            assertEquals(List.of(), journal.approvals());
        }
    }

    /** The order intent is written last: refusing it must undo the proposal and the approval too. */
    @Test
    void anApprovedTradeIsOneTransaction() throws SQLException {
        try (SqliteJournal journal = open(SqliteConfig.defaults(dir))) {
            Proposal pending = saved(journal, proposal(1));
            refuseInsertsInto("orders");
            assertThrows(JournalException.class,
                    () -> journal.saveApprovedTrade(ProposalLogContract.approvedTrade(pending)));
            assertEquals(List.of(Optional.of(pending), List.of(), Optional.empty()), List.of(
                    journal.findProposal(pending.proposalId()), journal.approvals(),
                    journal.findOrder(pending.proposalId())));
        }
    }

    @Test
    void anInstantOutsideTheStorableRangeIsRefusedAndNothingIsWritten() {
        try (SqliteJournal journal = open(SqliteConfig.defaults(dir))) {
            Proposal p = proposal(1);
            Proposal far = new Proposal(p.proposalId(), p.symbol(), p.direction(), p.setupType(), 0, 0, 0, 0, 0, 0, "",
                    List.of(), Instant.parse("2300-01-01T00:00:00Z"), T0, ProposalStatus.PENDING, List.of());
            assertThrows(IllegalArgumentException.class, () -> journal.saveProposal(far));
            assertEquals(Optional.empty(), journal.findProposal(p.proposalId()));
        }
    }

    @Test
    void aCorruptValueIsReportedAsNotRetryable() throws SQLException {
        try (SqliteJournal journal = open(SqliteConfig.defaults(dir))) {
            journal.saveProposal(proposal(1));
            try (Connection c = raw(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE proposals SET entry_price = 'oops'");
            }
            JournalException e = assertThrows(JournalException.class,
                    () -> journal.findProposal(proposal(1).proposalId()));
            assertFalse(e.retryable());
        }
    }

    @Test
    void aClosedJournalRefusesCallsAndClosesTwiceQuietly() {
        SqliteJournal journal = open(SqliteConfig.defaults(dir));
        journal.close();
        journal.close();
        JournalException e = assertThrows(JournalException.class, journal::killSwitch);
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void moreProposalsThanOneInListHoldsComeBackWholeEachWithItsOwnGatesAndHistory() {
        try (SqliteJournal journal = open(SqliteConfig.defaults(dir))) {
            List<Proposal> saved = new ArrayList<>();
            for (int i = 1; i <= Sql.IN_CHUNK + 3; i++) { // gates and history are read in bulk, by lists of ids
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

    @Test
    void tradesWithStatusSeeWhatAnotherConnectionCommitted() throws SQLException {
        List<ProposalStatus> live = List.of(ProposalStatus.PENDING, ProposalStatus.EXECUTING);
        try (SqliteJournal journal = open(SqliteConfig.defaults(dir))) {
            journal.saveProposal(proposal(1));
            journal.saveProposal(proposal(2));
            assertEquals(2, journal.tradesWithStatus(live).size());
            try (Connection c = raw(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE proposals SET status = 'rejected' WHERE proposal_id = '"
                        + proposal(1).proposalId() + "'");
                s.executeUpdate("UPDATE proposals SET quantity = 77 WHERE proposal_id = '" + proposal(2).proposalId() + "'");
            }
            List<Proposal> after = journal.tradesWithStatus(live);
            assertEquals(List.of(proposal(2).proposalId()), after.stream().map(Proposal::proposalId).toList());
            assertEquals(77, after.get(0).quantity());
            assertEquals(journal.proposalsWithStatus(live).stream().map(Proposal::tradeOnly).toList(), after);
        }
    }

    private static SqliteJournal open(SqliteConfig config) {
        ClosableJournal journal = SqliteJournalFactory.open(config);
        return (SqliteJournal) journal;
    }

    private static Proposal saved(SqliteJournal journal, Proposal proposal) {
        journal.saveProposal(proposal);
        return proposal;
    }

    private void refuseInsertsInto(String table) throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table
                    + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
        }
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("brokerbridge.db"));
    }

    private static Proposal proposal(int n) {
        return JournalSamples.proposal(n, T0, ProposalStatus.PENDING);
    }

    private static ApprovalRecord approval(Proposal p) {
        return new ApprovalRecord(T0.plusSeconds(1), p.proposalId(), p.symbol(), ApprovalRecord.Action.APPROVE,
                p.quantity(), p.stopPrice(), p.targetPrice(), OptionalLong.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), "");
    }
}
