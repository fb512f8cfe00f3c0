package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalSamples;
import tech.brokerbridge.ports.tck.ProposalLogContract;

/** The journal compiles each statement once and reuses it; nested and failed uses stay correct. */
class StatementCacheTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");

    @TempDir
    Path dir;

    @Test
    void anApprovalCompilesNoStatementOnceEachHasBeenSeen() {
        try (SqliteJournal journal = SqliteJournal.open(dir.resolve("j.db"), Duration.ofSeconds(5))) {
            Connection c = connectionOf(journal);
            for (int i = 1; i <= 9; i++) { // 9 live proposals: their children are read with IN lists of 16
                approve(journal, i);
            }
            long warm = StatementCache.prepared(c);
            for (int i = 10; i <= 16; i++) {
                approve(journal, i);
            }
            assertEquals(warm, StatementCache.prepared(c), "approvals 10 to 16 reuse the statements of the first nine");
            assertEquals(16, journal.proposalsWithStatus(List.of(ProposalStatus.EXECUTING)).size());
            assertEquals(16, journal.approvals().size());
        }
    }

    @Test
    void aStatementUsedInsideItsOwnRowsIsPreparedAfreshAndBothGiveTheirRows() throws SQLException {
        try (Connection c = StatementCache.wrap(Database.connect(dir.resolve("n.db"), Duration.ofSeconds(5)))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v INTEGER)");
                s.execute("INSERT INTO t VALUES (1), (2), (3)");
            }
            String sql = "SELECT v FROM t WHERE v >= ? ORDER BY v";
            List<String> pairs = new ArrayList<>();
            try (PreparedStatement outer = c.prepareStatement(sql)) {
                outer.setInt(1, 2);
                try (ResultSet rs = outer.executeQuery()) {
                    while (rs.next()) {
                        int v = rs.getInt(1);
                        try (PreparedStatement inner = c.prepareStatement(sql)) {
                            inner.setInt(1, 3);
                            try (ResultSet in = inner.executeQuery()) {
                                assertTrue(in.next());
                                pairs.add(v + "/" + in.getInt(1));
                            }
                        }
                    }
                }
            }
            assertEquals(List.of("2/3", "3/3"), pairs);
        }
    }

    @Test
    void aFailedStatementLeavesItsCachedCopyUsableAndACloseDoesNotCloseIt() throws SQLException {
        try (Connection c = StatementCache.wrap(Database.connect(dir.resolve("f.db"), Duration.ofSeconds(5)))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
            }
            String insert = "INSERT INTO t VALUES (?)";
            PreparedStatement first;
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                first = ps;
                ps.setInt(1, 1);
                ps.executeUpdate();
            }
            assertTrue(first.isClosed(), "to its user a returned statement is closed");
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setInt(1, 1);
                assertThrows(SQLException.class, ps::executeUpdate);
            }
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                assertFalse(ps.isClosed());
                ps.setInt(1, 2);
                assertEquals(1, ps.executeUpdate());
            }
            assertEquals(1, StatementCache.prepared(c));
        }
    }

    @Test
    void atMostCapacityStatementsStayOpenAndAnEvictedOneIsCompiledAgain() throws SQLException {
        try (Connection c = StatementCache.wrap(Database.connect(dir.resolve("e.db"), Duration.ofSeconds(5)))) {
            for (int i = 0; i <= StatementCache.CAPACITY; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + i)) {
                    ps.executeQuery().close();
                }
            }
            long compiled = StatementCache.prepared(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + StatementCache.CAPACITY)) {
                ps.executeQuery().close();
            }
            assertEquals(compiled, StatementCache.prepared(c), "the newest is still cached");
            try (PreparedStatement ps = c.prepareStatement("SELECT 0")) {
                ps.executeQuery().close();
            }
            assertEquals(compiled + 1, StatementCache.prepared(c), "the eldest was closed and is compiled again");
        }
    }

    private static void approve(SqliteJournal journal, int n) {
        Proposal p = JournalSamples.proposal(n, T0, ProposalStatus.PENDING);
        journal.saveProposal(p);
        journal.findProposal(p.proposalId());
        journal.saveApprovedTrade(ProposalLogContract.approvedTrade(p));
        journal.proposalsWithStatus(List.of(ProposalStatus.PENDING, ProposalStatus.APPROVED, ProposalStatus.EXECUTING));
    }

    private static Connection connectionOf(SqliteJournal journal) {
        return journal.database().connection();
    }
}
