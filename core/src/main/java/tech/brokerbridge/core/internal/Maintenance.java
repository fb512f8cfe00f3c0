package tech.brokerbridge.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.execution.BrokerReconciler;
import tech.brokerbridge.core.internal.execution.ReconcileMode;
import tech.brokerbridge.core.internal.license.LicenseKeeper;
import tech.brokerbridge.core.internal.proposals.ProposalBook;
import tech.brokerbridge.core.internal.trades.PositionService;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * Start-up reconciliation and the periodic upkeep: expiring overdue proposals, reconciling
 * proposals whose submission outcome is unknown (or whose start-up reconciliation had to wait for
 * the broker), catching fills missed while disconnected, reconciling actions on trades and looking
 * for unprotected positions, refreshing the license state (and queuing the background license check
 * when it is due).
 */
final class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    private final Broker broker;
    private final ProposalBook book;
    private final BrokerReconciler reconciler;
    private final LicenseKeeper license;
    private final PositionService trades;
    private final Set<String> awaitingStartup = ConcurrentHashMap.newKeySet();

    Maintenance(Broker broker, ProposalBook book, BrokerReconciler reconciler, PositionService trades,
            LicenseKeeper license) {
        this.broker = broker;
        this.book = book;
        this.reconciler = reconciler;
        this.trades = trades;
        this.license = license;
    }

    /**
     * Reconciles every proposal left approved or executing (those the broker cannot be asked about
     * wait), then the actions on trades left unfinished and the trades' fills, then looks for
     * unprotected positions.
     */
    void reconcileAtStartup() {
        for (Proposal p : book.withStatus(ProposalStatus.APPROVED, ProposalStatus.EXECUTING)) {
            try {
                reconciler.reconcile(p.proposalId(), ReconcileMode.STARTUP);
            } catch (BrokerException e) {
                LOG.warn("proposal {}: reconciliation waits for the broker ({})", p.proposalId(), e.getMessage());
                awaitingStartup.add(p.proposalId());
            }
        }
        try {
            trades.reconciler().reconcile(true);
        } catch (BrokerException e) {
            LOG.warn("actions on trades: reconciliation waits for the broker ({})", e.getMessage());
        }
        trades.watch().checkQuietly();
    }

    /** One round of upkeep; never throws. */
    void run() {
        try {
            book.sweepExpired();
        } catch (RuntimeException e) { // top-level handler of a timer task
            LOG.warn("expiry sweep failed: {}", e.toString());
        }
        license.maintain();
        if (!broker.connectionStatus().connected()) {
            return;
        }
        try {
            for (Proposal p : book.withStatus(ProposalStatus.APPROVED, ProposalStatus.EXECUTING)) {
                String id = p.proposalId();
                ReconcileMode mode = awaitingStartup.contains(id) ? ReconcileMode.STARTUP : ReconcileMode.MAINTENANCE;
                reconciler.reconcile(id, mode);
                awaitingStartup.remove(id);
            }
        } catch (RuntimeException e) { // top-level handler of a timer task
            LOG.warn("reconciliation postponed: {}", e.toString());
        }
        try {
            trades.reconciler().reconcile(false);
        } catch (RuntimeException e) { // top-level handler of a timer task
            LOG.warn("reconciliation of trades postponed: {}", e.toString());
        }
        trades.watch().checkQuietly();
    }
}
