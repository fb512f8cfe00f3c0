package tech.brokerbridge.core.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * A private in-memory journal for core tests. Keeps a log of its writes ({@link #writes()}) so tests
 * can assert their order, and can be told to fail writes. One instance shared by two desks plays a
 * journal that survives a restart.
 */
public final class MemoryJournal implements Journal {
    private final Map<String, Proposal> proposals = new LinkedHashMap<>();
    private final List<DecisionRecord> decisions = new ArrayList<>();
    private final List<ApprovalRecord> approvals = new ArrayList<>();
    private final Map<String, OrderRecord> orders = new LinkedHashMap<>();
    private final Map<String, FillRecord> fills = new LinkedHashMap<>();
    private final List<AiExchange> audit = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>();
    private final List<String> writes = new ArrayList<>();
    private boolean failWrites;

    /** Every write so far, e.g. {@code "ai_exchange"}, {@code "proposal prp-… pending"}, {@code "decision ai_rejected"}. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    public synchronized void failWrites(boolean fail) {
        this.failWrites = fail;
    }

    private void write(String what) {
        if (failWrites) {
            throw new JournalException("disk full (test)", false, null);
        }
        writes.add(what);
    }

    @Override
    public synchronized void saveProposal(Proposal p) {
        write("proposal " + p.proposalId() + " " + p.status().wire());
        proposals.put(p.proposalId(), p);
    }

    @Override
    public synchronized void saveProposalWithApproval(Proposal p, ApprovalRecord a) {
        write("proposal+approval " + p.proposalId() + " " + p.status().wire() + " " + a.action().wire());
        proposals.put(p.proposalId(), p);
        approvals.add(a);
    }

    @Override
    public synchronized Optional<Proposal> findProposal(String id) {
        return Optional.ofNullable(proposals.get(id));
    }

    @Override
    public synchronized ProposalPage proposals(ProposalQuery q) {
        List<Proposal> all = new ArrayList<>(proposals.values());
        all.sort(Comparator.comparing(Proposal::createdAt).reversed());
        List<Proposal> match = all.stream()
                .filter(p -> q.status().map(s -> s == p.status()).orElse(true))
                .filter(p -> q.date().map(d -> d.equals(p.createdAt().atOffset(java.time.ZoneOffset.UTC)
                        .toLocalDate())).orElse(true))
                .toList();
        int from = q.cursor().map(Integer::parseInt).orElse(0);
        int to = Math.min(match.size(), from + q.limit());
        Optional<String> next = to < match.size() ? Optional.of(String.valueOf(to)) : Optional.empty();
        return new ProposalPage(match.subList(Math.min(from, to), to), next);
    }

    @Override
    public synchronized List<Proposal> proposalsWithStatus(Collection<ProposalStatus> statuses) {
        return proposals.values().stream().filter(p -> statuses.contains(p.status()))
                .sorted(Comparator.comparing(Proposal::createdAt)).toList();
    }

    @Override
    public synchronized void recordDecision(DecisionRecord d) {
        write("decision " + d.outcome());
        decisions.add(d);
    }

    @Override
    public synchronized List<DecisionRecord> decisions(Instant from, Instant to) {
        return decisions.stream().filter(d -> !d.time().isBefore(from) && d.time().isBefore(to)).toList();
    }

    public synchronized List<DecisionRecord> allDecisions() {
        return List.copyOf(decisions);
    }

    @Override
    public synchronized List<ApprovalRecord> approvals() {
        return List.copyOf(approvals);
    }

    @Override
    public synchronized void saveOrder(OrderRecord o) {
        write("order " + o.orderRef() + " " + o.state().wire());
        orders.put(o.orderRef(), o);
    }

    @Override
    public synchronized Optional<OrderRecord> findOrder(String ref) {
        return Optional.ofNullable(orders.get(ref));
    }

    @Override
    public synchronized List<OrderRecord> orders(int limit) {
        List<OrderRecord> all = new ArrayList<>(orders.values());
        java.util.Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public synchronized boolean recordFill(FillRecord f) {
        if (fills.containsKey(f.executionId())) {
            return false;
        }
        write("fill " + f.executionId());
        fills.put(f.executionId(), f);
        return true;
    }

    @Override
    public synchronized List<FillRecord> fills(String ref) {
        return fills.values().stream().filter(f -> f.orderRef().equals(ref)).toList();
    }

    @Override
    public synchronized void recordAiExchange(AiExchange x) {
        write("ai_exchange");
        audit.add(x);
    }

    @Override
    public synchronized List<AiExchange> aiAudit(int limit) {
        List<AiExchange> all = new ArrayList<>(audit);
        java.util.Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public synchronized Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    @Override
    public synchronized void putSetting(String key, String value) {
        write("setting " + key);
        settings.put(key, value);
    }
}
