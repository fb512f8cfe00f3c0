package tech.brokerbridge.paper;

import java.time.Duration;
import java.time.Instant;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.market.MarketData;

/**
 * A paper account with its market, seen through the {@link Broker} and {@link MarketData} ports:
 * orders are always kept and filled here, on the prices {@link PaperConfig#marketData()} chooses
 * (simulated, CSV daily bars, or IB Gateway's). Created by {@link PaperFactory}.
 *
 * <p><b>Where the account lives.</b> Without a state directory ({@link PaperConfig#defaults()}) all
 * state lives in memory and is gone when the process ends. With one ({@link PaperConfig#persistentIn}),
 * the account is kept in {@code paper-account.json} there: every call that changes it (a bracket
 * accepted, a fill, a cancel, a new trading day, {@link #advance}) saves it durably (temp file, fsync,
 * atomic rename, directory fsync; mode 0600) before the call returns and before the order events it
 * caused are delivered. So a listener never hears of a fill the file does not hold, and after a crash
 * (even SIGKILL) the market reopens with every acknowledged bracket, leg state, fill and position.
 * Brackets that were working keep working: as simulated time catches up with the clock after a
 * restart, they fill where the prices on the way reach them.
 *
 * <p><b>Time.</b> The market keeps its own simulated time, which starts at the clock's instant and
 * never goes back. Every broker call first brings it up to the clock; {@link #tick()} does only
 * that, and {@link #advance(Duration)} pushes it beyond the clock. As time passes through the
 * regular session (09:30–16:00 New York time on US trading days) simulated prices move in five-minute
 * steps along each symbol's seeded path (CSV prices along the day's bar) and working orders fill;
 * outside it prices rest at the last close and nothing fills: an entry sent then waits for the open.
 *
 * <p><b>Orders.</b> A bracket's limit entry fills at its limit once the price trades at or through
 * it (at once if it is marketable when submitted); then the stop loss and take profit work and the
 * one that fills cancels the other. Limits fill at their limit, a stop at its stop or, when the price
 * gapped through it, at that worse price. A modification moves a stop or target where it is (a
 * trailing stop follows each price by its amount or percent and only ever tightens); a close is an
 * opposite order (a market close fills at the price now) that cuts the bracket's stop and target by
 * the shares it closes, cancelling them when none are left; a stand-alone stop works like a stop
 * loss. Each execution costs {@code PaperConfig.commissionPerShare()} per share, at least
 * {@code commissionMinimum()}, at most 1 % of its value (IB's fixed pricing by default), paid from
 * cash and reported as a commission event after its fill. Margin follows Reg T: 50 % on positions
 * and working entries; buying power is twice the available funds. A bracket refused at submission
 * (unknown symbol, insufficient buying power) gets {@code SubmitResult.Rejected} with the reason and
 * leaves no trace: no events, nothing under its ref, so it may be sent again.
 *
 * <p><b>Threading and errors.</b> Thread-safe. In memory, calls never block on I/O; they only wait
 * for each other's short critical sections. With a state directory, a call that changed the account
 * also waits for its save (a small file, typically a few milliseconds; calls that change nothing
 * write nothing). A save that fails (disk full, directory gone) undoes the call, which then throws a
 * retryable {@code BrokerException}; {@link #tick()} and {@link #advance} throw it too. Order events
 * are delivered on one dedicated thread, in order. After {@link #close()} broker calls throw a
 * {@code BrokerException} (not connected).
 */
public interface PaperMarket extends AutoCloseable {
    /** The paper account as a broker: {@code name()} is {@code paper}; always connected until closed. */
    Broker broker();

    /**
     * The account's prices. Simulated: deterministic synthetic daily bars, near a plausible level, for
     * the well-known US symbols the simulation lists (others throw {@code MarketDataException}, unknown
     * symbol, with the reason); CSV: the files' bars; ibkr: IB Gateway's. Bars end at the last trading
     * day before the simulated today (UTC) and go back {@code lookback} (1 year is about 252 bars). The
     * quote is the price orders fill against; {@link MarketData#source()} names the source.
     */
    MarketData marketData();

    /** Brings simulated time up to the clock, so prices move and orders fill. Call it periodically (e.g. every few seconds). */
    void tick();

    /** Moves simulated time forward by {@code step}, beyond the clock if need be (tests, demos). */
    void advance(Duration step);

    /** Simulated now: the later of the clock's instant and where {@link #advance} has taken the market. */
    Instant now();

    /**
     * Refuses further calls, releases the state directory's lock and stops the event thread after
     * delivering queued events (waits up to 2 s). Everything acknowledged is already saved. Idempotent.
     */
    @Override
    void close();
}
