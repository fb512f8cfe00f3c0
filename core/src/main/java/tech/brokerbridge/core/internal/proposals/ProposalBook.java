package tech.brokerbridge.core.internal.proposals;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * Proposals as the desk reads and changes them: every read expires an overdue pending proposal
 * first (lazily) and starts its cool-down ({@link CoolDowns}), {@link #sweepExpired()} does it for all of
 * them, and {@link #transition} applies an
 * allowed status change and saves it. Callers hold the proposal's lock ({@link #locks()}) around a
 * read-decide-write sequence; the methods here take it themselves for a single change.
 */
public final class ProposalBook {
    private static final Logger LOG = LoggerFactory.getLogger(ProposalBook.class);
    private final ProposalLog journal;
    private final Clock clock;
    private final ProposalLocks locks;
    private final CoolDowns coolDowns;

    public ProposalBook(ProposalLog journal, Clock clock, ProposalLocks locks, CoolDowns coolDowns) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.coolDowns = Objects.requireNonNull(coolDowns, "coolDowns");
    }

    public ProposalLocks locks() {
        return locks;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The proposal, expired first if it is pending and past its {@code expires_at}. */
    public Optional<Proposal> find(String proposalId) {
        Optional<Proposal> p = journal.findProposal(proposalId);
        if (p.isPresent() && overdue(p.get())) {
            return Optional.of(locks.withLock(proposalId, () -> expireIfOverdue(proposalId)));
        }
        return p;
    }

    /** A page of proposals, after expiring the overdue ones so the page shows their real status. */
    public ProposalPage page(ProposalQuery query) {
        sweepExpired();
        return journal.proposals(query);
    }

    /** Expires every overdue pending proposal; returns how many. */
    public int sweepExpired() {
        int n = 0;
        for (Proposal p : journal.proposalsWithStatus(EnumSet.of(ProposalStatus.PENDING))) {
            if (overdue(p)) {
                Proposal after = locks.withLock(p.proposalId(), () -> expireIfOverdue(p.proposalId()));
                if (after.status() == ProposalStatus.EXPIRED) {
                    n++;
                }
            }
        }
        return n;
    }

    private Proposal expireIfOverdue(String proposalId) {
        Proposal current = journal.findProposal(proposalId)
                .orElseThrow(() -> new IllegalStateException("proposal vanished: " + proposalId));
        if (!overdue(current)) {
            return current;
        }
        Proposal expired = current.withStatus(ProposalStatus.EXPIRED, clock.instant(),
                "not approved before " + current.expiresAt());
        journal.saveProposal(expired);
        LOG.info("proposal {} expired", proposalId);
        coolDowns.start(expired, CoolDown.Cause.EXPIRED);
        return expired;
    }

    private boolean overdue(Proposal p) {
        return p.status() == ProposalStatus.PENDING && !clock.instant().isBefore(p.expiresAt());
    }

    /**
     * Moves {@code p} to {@code to} with {@code reason} and saves it, when allowed; otherwise leaves it.
     * The caller holds the proposal's lock and passes its current state.
     *
     * @return the proposal as it is now
     */
    public Proposal transition(Proposal p, ProposalStatus to, String reason) {
        if (!ProposalTransitions.allowed(p.status(), to)) {
            LOG.warn("proposal {}: ignored change {} -> {} ({})", p.proposalId(), p.status().wire(), to.wire(), reason);
            return p;
        }
        Proposal next = p.withStatus(to, clock.instant(), reason);
        journal.saveProposal(next);
        return next;
    }

    /** Proposals in any of the statuses, oldest first. */
    public List<Proposal> withStatus(ProposalStatus first, ProposalStatus... rest) {
        return new ArrayList<>(journal.proposalsWithStatus(EnumSet.of(first, rest)));
    }

    public void save(Proposal p) {
        journal.saveProposal(p);
    }
}
