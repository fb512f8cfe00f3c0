package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.journal.PriceBasis;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.Quote;

/** Proposals with their gate results and status history. */
final class ProposalStore {
    private static final String UPSERT = "INSERT INTO proposals (proposal_id, symbol, direction, setup_type, conviction,"
            + " composite_score, entry_price, stop_price, target_price, quantity, thesis_summary, created_at_ns,"
            + " expires_at_ns, status, price_source, price_simulated, price_freshness, last_price)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (proposal_id) DO UPDATE SET symbol = excluded.symbol, direction = excluded.direction,"
            + " setup_type = excluded.setup_type, conviction = excluded.conviction,"
            + " composite_score = excluded.composite_score, entry_price = excluded.entry_price,"
            + " stop_price = excluded.stop_price, target_price = excluded.target_price, quantity = excluded.quantity,"
            + " thesis_summary = excluded.thesis_summary, created_at_ns = excluded.created_at_ns,"
            + " expires_at_ns = excluded.expires_at_ns, status = excluded.status,"
            + " price_source = excluded.price_source, price_simulated = excluded.price_simulated,"
            + " price_freshness = excluded.price_freshness, last_price = excluded.last_price";
    private static final String NEWEST_FIRST = " ORDER BY created_at_ns DESC, proposal_id DESC";

    private ProposalStore() {
    }

    static void save(Connection c, Proposal p) throws SQLException {
        Sql.update(c, UPSERT, p.proposalId(), p.symbol(), p.direction().wire(), p.setupType(), p.conviction(),
                p.compositeScore(), p.entryPrice(), p.stopPrice(), p.targetPrice(), p.quantity(), p.thesisSummary(),
                p.createdAt(), p.expiresAt(), p.status().wire(), p.pricing().source(), p.pricing().simulated(),
                p.pricing().freshness().map(Quote.Freshness::wire), p.pricing().lastPrice());
        GateRows.PROPOSAL.replace(c, p.proposalId(), p.gates());
        Sql.update(c, "DELETE FROM proposal_status_history WHERE proposal_id = ?", p.proposalId());
        Sql.insertEach(c, "INSERT INTO proposal_status_history (proposal_id, ordinal, time_ns, from_status, to_status,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?)", p.history().size(), i -> {
                    StatusChange s = p.history().get(i);
                    return new Object[] {p.proposalId(), i, s.time(), s.from().map(ProposalStatus::wire), s.to().wire(),
                        s.reason()};
                });
    }

    static Optional<Proposal> find(Connection c, String proposalId) throws SQLException {
        List<Proposal> found = query(c, "SELECT * FROM proposals WHERE proposal_id = ?", List.of(proposalId));
        return found.stream().findFirst();
    }

    static ProposalPage page(Connection c, ProposalQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM proposals WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        q.status().ifPresent(s -> {
            sql.append(" AND status = ?");
            args.add(s.wire());
        });
        q.date().ifPresent(d -> {
            sql.append(" AND created_at_ns >= ? AND created_at_ns < ?");
            args.add(startOfDay(d));
            args.add(startOfDay(d.plusDays(1)));
        });
        if (q.cursor().isPresent()) {
            ProposalCursor after = ProposalCursor.decode(q.cursor().get());
            sql.append(" AND (created_at_ns < ? OR (created_at_ns = ? AND proposal_id < ?))");
            args.add(after.createdAtNanos());
            args.add(after.createdAtNanos());
            args.add(after.proposalId());
        }
        sql.append(NEWEST_FIRST).append(" LIMIT ?");
        args.add(q.limit() + 1);
        List<Proposal> rows = query(c, sql.toString(), args);
        if (rows.size() <= q.limit()) {
            return new ProposalPage(rows, Optional.empty());
        }
        Proposal last = rows.get(q.limit() - 1);
        String next = new ProposalCursor(Values.nanos(last.createdAt()), last.proposalId()).encode();
        return new ProposalPage(rows.subList(0, q.limit()), Optional.of(next));
    }

    static List<Proposal> withStatus(Connection c, Collection<ProposalStatus> statuses) throws SQLException {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        for (ProposalStatus s : EnumSet.copyOf(statuses)) {
            args.add(s.wire());
        }
        String marks = String.join(", ", Collections.nCopies(args.size(), "?"));
        return query(c, "SELECT * FROM proposals WHERE status IN (" + marks + ")"
                + " ORDER BY created_at_ns, proposal_id", args);
    }

    private static long startOfDay(LocalDate day) {
        return Values.nanosClamped(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static List<Proposal> query(Connection c, String sql, List<?> args) throws SQLException {
        return Sql.query(c, sql, rs -> row(c, rs), args.toArray());
    }

    private static Proposal row(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("proposal_id");
        return new Proposal(id, rs.getString("symbol"), Direction.fromWire(rs.getString("direction")),
                rs.getString("setup_type"), Values.getDouble(rs, "conviction"), Values.getDouble(rs, "composite_score"),
                Values.getDouble(rs, "entry_price"), Values.getDouble(rs, "stop_price"),
                Values.getDouble(rs, "target_price"), rs.getLong("quantity"), rs.getString("thesis_summary"),
                GateRows.PROPOSAL.load(c, id), Values.instant(rs.getLong("created_at_ns")),
                Values.instant(rs.getLong("expires_at_ns")), ProposalStatus.fromWire(rs.getString("status")),
                history(c, id), pricing(rs));
    }

    private static PriceBasis pricing(ResultSet rs) throws SQLException {
        return new PriceBasis(rs.getString("price_source"), rs.getInt("price_simulated") == 1,
                Values.getOptionalString(rs, "price_freshness")
                        .map(f -> Quote.Freshness.valueOf(f.toUpperCase(java.util.Locale.ROOT))),
                Values.getOptionalDouble(rs, "last_price"));
    }

    private static List<StatusChange> history(Connection c, String proposalId) throws SQLException {
        return Sql.query(c, "SELECT time_ns, from_status, to_status, reason FROM proposal_status_history"
                + " WHERE proposal_id = ? ORDER BY ordinal",
                rs -> new StatusChange(Values.instant(rs.getLong("time_ns")),
                        Values.getOptionalString(rs, "from_status").map(ProposalStatus::fromWire),
                        ProposalStatus.fromWire(rs.getString("to_status")), rs.getString("reason")),
                proposalId);
    }
}
