package tech.brokerbridge.core;

import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.desk.TradingDesk;

/**
 * A trading desk with a lifecycle: the {@link TradingDesk} and {@link LicenseDesk} use cases plus
 * {@link #start()} and {@link #close()}. Made by {@link DeskFactory}.
 *
 * <p>Thread-safe. State changes of one proposal are serialized (a lock per proposal id, striped);
 * approvals are admitted one at a time so that two approvals can never both pass a limit that only
 * one of them fits; broker events are handled on one desk thread in the order the broker sent them.
 * Actions on open trades (close, cancel, modify, re-arm) are serialized per symbol, so two closes of
 * one position give one close; each is journaled before the broker is called and never sent twice.
 * Scans never overlap: {@link #scanNow()} called while a scan runs (from the loop or another caller)
 * waits for that scan and returns its report. The trading loop runs on its own scheduler thread; an
 * advisor call is bounded by a 90 s deadline on top of the adapter's own timeout.
 *
 * <p>Approvals re-run the five gates on the trade as it will be sent, modified or not (the
 * portfolio may have changed since the proposal was made). Nothing is sent to an account that does
 * not match {@code trading_mode} (or while no account is selected): such approvals are refused as a
 * {@link tech.brokerbridge.ports.desk.ActionResult.Conflict} with code {@code account_mode_mismatch}
 * or {@code account_not_selected}, and the check runs again right before each submission. Every price
 * and quantity sent is bounded (finite, positive, on the contract's tick, within
 * {@code risk.max_price_deviation_pct} of the last price; a quantity that fits the buying power), or
 * the approval is refused naming the field ({@link tech.brokerbridge.ports.desk.ActionResult.Invalid}).
 */
public interface Desk extends TradingDesk, LicenseDesk, AutoCloseable {
    /**
     * Starts the desk: records the first start for the license evaluation, serves the license state
     * kept in the journal and checks the license with the provider in the background (never
     * blocking this call), restores the kill switch,
     * subscribes to broker events, reconciles proposals left {@code approved} or {@code executing}
     * with the broker (found: carries on; not found: {@code failed}, never resubmitted), expires
     * overdue proposals and starts the maintenance timer (expiry sweep, reconciliation after broker
     * outages, license refresh and a license check every {@code license.check_hours}). It does NOT
     * start the trading loop ({@link #startTrading()}).
     *
     * <p>Blocks on the journal and on the broker (each call bounded by the broker's request timeout).
     * A broker that cannot be reached leaves the proposals to reconcile to the maintenance timer.
     * Idempotent.
     *
     * @throws tech.brokerbridge.ports.journal.JournalException when the journal cannot be read or written
     * @throws IllegalStateException when the desk was closed
     */
    void start();

    /**
     * Applies new settings while the desk runs: risk limits, scoring weights, watchlist, AI candidates
     * per scan, bars for the advisor and proposal TTL take effect from the next scan or approval (a
     * scan in progress finishes with the old ones; pending proposals keep their expiry); a running
     * loop scans next one new interval from now. The version and the evaluation period are kept.
     * Thread-safe; no I/O.
     */
    void reconfigure(DeskConfig config);

    /**
     * Stops the trading loop and the desk's threads and unsubscribes from the broker. Waits at most a
     * few seconds for a running scan. Idempotent; does not close the ports.
     */
    @Override
    void close();
}
