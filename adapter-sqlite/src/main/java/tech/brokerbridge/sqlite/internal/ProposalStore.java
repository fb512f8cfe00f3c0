package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tech.brokerbridge.ports.journal.GateResult;
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
        saveHistory(c, p);
    }

    /**
     * Writes the proposal's history: only the changes after those stored when the stored ones are the start
     * of it (a save that moves a proposal on appends), else all of it in place of the stored ones.
     */
    private static void saveHistory(Connection c, Proposal p) throws SQLException {
        List<StatusChange> stored = history(c, p.proposalId());
        List<StatusChange> history = p.history();
        int from = stored.size() <= history.size() && stored.equals(history.subList(0, stored.size()))
                ? stored.size() : 0;
        if (from == 0 && !stored.isEmpty()) {
            Sql.update(c, "DELETE FROM proposal_status_history WHERE proposal_id = ?", p.proposalId());
        }
        Sql.insertEach(c, "INSERT INTO proposal_status_history (proposal_id, ordinal, time_ns, from_status, to_status,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?)", history.size() - from, k -> {
                    int i = from + k;
                    StatusChange s = history.get(i);
                    return new Object[] {p.proposalId(), i, s.time(), s.from().map(ProposalStatus::wire), s.to().wire(),
                        s.reason()};
                });
    }

    private static List<StatusChange> history(Connection c, String proposalId) throws SQLException {
        return histories(c, List.of(proposalId)).getOrDefault(proposalId, List.of());
    }

    /** The number of status changes in a proposal's history; empty when there is no such proposal. */
    static OptionalInt historySize(Connection c, String proposalId) throws SQLException {
        List<Integer> n = Sql.query(c, "SELECT (SELECT count(*) FROM proposal_status_history h"
                + " WHERE h.proposal_id = p.proposal_id) AS n FROM proposals p WHERE p.proposal_id = ?",
                rs -> rs.getInt("n"), proposalId);
        return n.isEmpty() ? OptionalInt.empty() : OptionalInt.of(n.get(0));
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

    /** With {@code details} false, each proposal comes without its gates and history (not read). */
    static List<Proposal> withStatus(Connection c, Collection<ProposalStatus> statuses, boolean details)
            throws SQLException {
        if (statuses.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        for (ProposalStatus s : EnumSet.copyOf(statuses)) {
            args.add(s.wire());
        }
        String sql = "SELECT * FROM proposals WHERE status IN (" + Sql.marks(args.size()) + ")"
                + " ORDER BY created_at_ns, proposal_id";
        if (!details) {
            return Sql.query(c, sql, ProposalStore::row, args.toArray()).stream()
                    .map(r -> r.with(List.of(), List.of())).toList();
        }
        return query(c, sql, args);
    }

    /** The trades (without gates and history) of those of {@code ids} that exist, in no particular order. */
    static List<Proposal> tradesOf(Connection c, List<String> ids) throws SQLException {
        List<Proposal> all = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(ids)) {
            for (Unfinished r : Sql.query(c, "SELECT * FROM proposals WHERE proposal_id IN (" + Sql.marks(chunk.size())
                    + ")", ProposalStore::row, chunk.toArray())) {
                all.add(r.with(List.of(), List.of()));
            }
        }
        return all;
    }

    private static long startOfDay(LocalDate day) {
        return Values.nanosClamped(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The proposals a query selects, with their gates and history read in bulk (a query per table for all of
     * them, not one per proposal: the risk gates read every live proposal on each approval).
     */
    private static List<Proposal> query(Connection c, String sql, List<?> args) throws SQLException {
        List<Unfinished> rows = Sql.query(c, sql, ProposalStore::row, args.toArray());
        List<String> ids = rows.stream().map(Unfinished::id).toList();
        Map<String, List<GateResult>> gates = GateRows.PROPOSAL.loadAll(c, ids);
        Map<String, List<StatusChange>> histories = histories(c, ids);
        List<Proposal> proposals = new ArrayList<>(rows.size());
        for (Unfinished r : rows) {
            proposals.add(r.with(gates.getOrDefault(r.id(), List.of()), histories.getOrDefault(r.id(), List.of())));
        }
        return proposals;
    }

    /** A proposal's own row, waiting for its gates and history. */
    private record Unfinished(String id, Children finish) {
        Proposal with(List<GateResult> gates, List<StatusChange> history) {
            return finish.with(gates, history);
        }
    }

    @FunctionalInterface
    private interface Children {
        Proposal with(List<GateResult> gates, List<StatusChange> history);
    }

    private static Unfinished row(ResultSet rs) throws SQLException {
        String id = rs.getString("proposal_id");
        String symbol = rs.getString("symbol");
        Direction direction = Direction.fromWire(rs.getString("direction"));
        String setup = rs.getString("setup_type");
        double conviction = Values.getDouble(rs, "conviction");
        double score = Values.getDouble(rs, "composite_score");
        double entry = Values.getDouble(rs, "entry_price");
        double stop = Values.getDouble(rs, "stop_price");
        double target = Values.getDouble(rs, "target_price");
        long quantity = rs.getLong("quantity");
        String thesis = rs.getString("thesis_summary");
        Instant created = Values.instant(rs.getLong("created_at_ns"));
        Instant expires = Values.instant(rs.getLong("expires_at_ns"));
        ProposalStatus status = ProposalStatus.fromWire(rs.getString("status"));
        PriceBasis pricing = pricing(rs);
        return new Unfinished(id, (gates, history) -> new Proposal(id, symbol, direction, setup, conviction, score,
                entry, stop, target, quantity, thesis, gates, created, expires, status, history, pricing));
    }

    private static PriceBasis pricing(ResultSet rs) throws SQLException {
        return new PriceBasis(rs.getString("price_source"), rs.getInt("price_simulated") == 1,
                Values.getOptionalString(rs, "price_freshness")
                        .map(f -> Quote.Freshness.valueOf(f.toUpperCase(java.util.Locale.ROOT))),
                Values.getOptionalDouble(rs, "last_price"));
    }

    private static Map<String, List<StatusChange>> histories(Connection c, List<String> ids) throws SQLException {
        Map<String, List<StatusChange>> all = new HashMap<>();
        for (List<String> chunk : Sql.chunks(ids)) {
            Sql.query(c, "SELECT proposal_id, time_ns, from_status, to_status, reason FROM proposal_status_history"
                    + " WHERE proposal_id IN (" + Sql.marks(chunk.size()) + ") ORDER BY proposal_id, ordinal",
                    rs -> all.computeIfAbsent(rs.getString("proposal_id"), k -> new ArrayList<>()).add(
                            new StatusChange(Values.instant(rs.getLong("time_ns")),
                                    Values.getOptionalString(rs, "from_status").map(ProposalStatus::fromWire),
                                    ProposalStatus.fromWire(rs.getString("to_status")), rs.getString("reason"))),
                    chunk.toArray());
        }
        return all;
    }
}
