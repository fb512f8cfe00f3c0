package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * The answer to {@link SqliteJournal#tradesWithStatus} kept between calls: the risk gates ask it on every
 * approval, and reading every live proposal's row was a sixth of an approval's samples (JFR). Kept for the
 * last set of statuses asked, and brought up to date at each call, inside the call's read transaction:
 * <ul>
 * <li>when another connection committed anything since ({@code PRAGMA data_version}, which this connection's
 * own commits leave alone), it is read again whole;</li>
 * <li>else only the proposals this connection saved since are read again (each save {@linkplain #saved marks}
 * its proposal, whether its transaction then commits or not), and their trades replace, join or leave it.</li>
 * </ul>
 * Used under the {@link Database}'s lock only (saves and reads both run under it).
 */
final class LiveTrades {
    private static final Comparator<Proposal> OLDEST_FIRST = Comparator
            .comparingLong((Proposal p) -> Values.nanos(p.createdAt())).thenComparing(Proposal::proposalId);

    private EnumSet<ProposalStatus> statuses;
    private long dataVersion;
    private final TreeMap<Proposal, Proposal> trades = new TreeMap<>(OLDEST_FIRST);
    private final Map<String, Proposal> byId = new HashMap<>();
    private final Set<String> saved = new HashSet<>();

    /** A save of this proposal is being made on the journal's connection. */
    void saved(String proposalId) {
        if (statuses != null) {
            saved.add(proposalId);
        }
    }

    /** The trades of the proposals whose status is one of {@code wanted}, oldest first. In a read transaction. */
    List<Proposal> read(Connection c, Collection<ProposalStatus> wanted) throws SQLException {
        if (wanted.isEmpty()) {
            return List.of();
        }
        EnumSet<ProposalStatus> set = EnumSet.copyOf(wanted);
        try {
            return update(c, set);
        } catch (SQLException | RuntimeException e) {
            statuses = null; // half brought up to date: read whole next time
            throw e;
        }
    }

    private List<Proposal> update(Connection c, EnumSet<ProposalStatus> set) throws SQLException {
        long version = dataVersion(c); // before the rows: a commit in between makes the next call read whole
        if (!set.equals(statuses) || version != dataVersion) {
            statuses = null;
            trades.clear();
            byId.clear();
            saved.clear();
            for (Proposal p : ProposalStore.withStatus(c, set, false)) {
                put(p);
            }
            statuses = set;
            dataVersion = version;
        } else if (!saved.isEmpty()) {
            List<String> ids = new ArrayList<>(saved);
            saved.clear();
            for (String id : ids) {
                Proposal old = byId.remove(id);
                if (old != null) {
                    trades.remove(old);
                }
            }
            for (Proposal p : ProposalStore.tradesOf(c, ids)) {
                if (set.contains(p.status())) {
                    put(p);
                }
            }
        }
        return List.copyOf(trades.values());
    }

    private void put(Proposal p) {
        trades.put(p, p);
        byId.put(p.proposalId(), p);
    }

    private static long dataVersion(Connection c) throws SQLException {
        List<Long> v = Sql.query(c, "PRAGMA data_version", rs -> rs.getLong(1));
        return v.isEmpty() ? -1 : v.get(0);
    }
}
