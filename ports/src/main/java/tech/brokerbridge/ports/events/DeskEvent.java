package tech.brokerbridge.ports.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.license.LicenseState;

/**
 * Something that happened on the desk, as the desk publishes it to its subscribers ({@link DeskEvents})
 * and its {@link tech.brokerbridge.ports.notify.Notifier}: the dashboard follows these instead of polling,
 * notifications are sent for them.
 *
 * <p>Every event has an {@link #id()}, unique and increasing in publication order within one run of the
 * desk (1, 2, 3, …; a restarted desk starts again at 1), and the {@link #time()} it was published at,
 * from the desk's clock. A subscriber that sees an id jump (e.g. 7 then 9) missed events: its buffer was
 * full (see {@link EventSubscription#dropped()}); it should reload what it shows.
 *
 * <p>{@link #type()} is the event's stable wire name ({@code proposal.created}, {@code scan.progress}, …),
 * the same as the SSE event name of {@code GET /api/events}.
 */
public sealed interface DeskEvent {
    long id();

    Instant time();

    /** The stable wire name of this kind of event, e.g. {@code proposal.created}. */
    String type();

    /** A scan made a new pending proposal. */
    record ProposalCreated(long id, Instant time, Proposal proposal) implements DeskEvent {
        public ProposalCreated {
            Require.nonNull("time", time, "proposal", proposal);
        }

        @Override
        public String type() {
            return "proposal.created";
        }
    }

    /**
     * A proposal changed status (approved, rejected, executing, executed, expired, failed). One save that
     * makes two changes (approved, then executing) publishes two events, in order.
     *
     * @param proposal the proposal as saved with this change (its status may already be a later one)
     * @param from the status before this change
     * @param to the status this change made
     * @param reason the reason recorded in the proposal's history
     */
    record ProposalStatusChanged(long id, Instant time, Proposal proposal, ProposalStatus from, ProposalStatus to,
            String reason) implements DeskEvent {
        public ProposalStatusChanged {
            Require.nonNull("time", time, "proposal", proposal, "from", from, "to", to, "reason", reason);
        }

        @Override
        public String type() {
            return "proposal.status_changed";
        }
    }

    /** The desk's record of a bracket changed (submitted, accepted, entry filled, closed, …). */
    record OrderUpdated(long id, Instant time, OrderRecord order) implements DeskEvent {
        public OrderUpdated {
            Require.nonNull("time", time, "order", order);
        }

        @Override
        public String type() {
            return "order.updated";
        }
    }

    /**
     * One leg of a bracket, or an order an action on a trade placed (a closing order {@code cls-…}, a
     * re-armed stop {@code stp-…}), changed at the broker.
     *
     * @param state {@code working}, {@code cancelled}, {@code rejected} or {@code modified} (its price or
     *     quantity changed: a stop moved, a trailing stop followed the price, a leg cut by a partial close)
     * @param detail the broker's reason, or a short description
     */
    record LegUpdated(long id, Instant time, String orderRef, String symbol, OrderLeg leg, String state,
            String detail) implements DeskEvent {
        public LegUpdated {
            Require.nonNull("time", time, "orderRef", orderRef, "symbol", symbol, "leg", leg, "state", state,
                    "detail", detail);
        }

        @Override
        public String type() {
            return "order.leg";
        }
    }

    /** An execution of one of the desk's orders. */
    record FillReceived(long id, Instant time, FillRecord fill) implements DeskEvent {
        public FillReceived {
            Require.nonNull("time", time, "fill", fill);
        }

        @Override
        public String type() {
            return "order.fill";
        }
    }

    /**
     * A bracket's entry filled completely: the desk holds a position.
     *
     * @param quantity signed: negative for a short
     */
    record PositionOpened(long id, Instant time, String symbol, long quantity, double price, String orderRef)
            implements DeskEvent {
        public PositionOpened {
            Require.nonNull("time", time, "symbol", symbol, "orderRef", orderRef);
        }

        @Override
        public String type() {
            return "position.opened";
        }
    }

    /**
     * A position the desk opened went flat (its stop or target filled, it was closed by hand or by the
     * kill switch's flatten): published once per trade, when its closed trade is first recorded
     * ({@code GET /api/trades}). A partial close publishes no event of this kind (its fill does).
     *
     * @param quantity the shares the trade held, signed as the position was
     * @param price the average exit price over every exit
     * @param orderRef the bracket's ref (the proposal id)
     * @param reason {@code stop_loss filled at 97.5}, {@code take_profit filled at …}, {@code closed at …}
     *     or {@code flattened at …}
     */
    record PositionClosed(long id, Instant time, String symbol, long quantity, double price, String orderRef,
            String reason) implements DeskEvent {
        public PositionClosed {
            Require.nonNull("time", time, "symbol", symbol, "orderRef", orderRef, "reason", reason);
        }

        @Override
        public String type() {
            return "position.closed";
        }
    }

    /**
     * An action on an open trade (close, flatten, cancel, modify, re-arm stop) was recorded or moved on:
     * {@code requested} (recorded, the broker not answered yet), {@code sent}, {@code done},
     * {@code refused} or {@code failed} ({@code GET /api/positions} and the approvals log show the rest).
     */
    record TradeActionUpdated(long id, Instant time, TradeAction action) implements DeskEvent {
        public TradeActionUpdated {
            Require.nonNull("time", time, "action", action);
        }

        @Override
        public String type() {
            return "trade.action";
        }
    }

    /**
     * How well a broker position is covered changed. An {@code unprotected} position is also a
     * {@link Warning} ({@code unprotected_position}); the desk never re-arms a stop by itself.
     *
     * @param protection {@code protected} (working stops cover every share, or the position is flat),
     *     {@code closing} (a working closing order covers the rest) or {@code unprotected}
     * @param unprotectedQuantity the shares neither a stop nor a closing order covers
     */
    record ProtectionChanged(long id, Instant time, String symbol, String protection, long unprotectedQuantity,
            String message) implements DeskEvent {
        public ProtectionChanged {
            Require.nonNull("time", time, "symbol", symbol, "protection", protection, "message", message);
        }

        @Override
        public String type() {
            return "position.protection";
        }
    }

    /**
     * The account and the open positions marked to the market again (live P&amp;L): published when they
     * changed, checked every 15 s while the broker is connected and a position is open (and once more when
     * the last one closed). For the user's own screen; never sent to an advisor.
     */
    record PortfolioMarked(long id, Instant time, String broker, AccountSnapshot account, List<Position> positions)
            implements DeskEvent {
        public PortfolioMarked {
            Require.nonNull("time", time, "broker", broker, "account", account);
            positions = List.copyOf(positions);
        }

        @Override
        public String type() {
            return "portfolio.marked";
        }
    }

    /** A scan started over {@code symbols} symbols. */
    record ScanStarted(long id, Instant time, String scanId, int symbols) implements DeskEvent {
        public ScanStarted {
            Require.nonNull("time", time, "scanId", scanId);
        }

        @Override
        public String type() {
            return "scan.started";
        }
    }

    /**
     * A scan moved on: "scanning 7/20" ({@code phase} {@code reading}: the symbol's bars and setups are
     * being read) or "asking the advisor 1/3" ({@code phase} {@code advising}).
     *
     * @param done the 1-based position of {@code symbol} among {@code total} in this phase
     */
    record ScanProgress(long id, Instant time, String scanId, String phase, int done, int total, String symbol)
            implements DeskEvent {
        public ScanProgress {
            Require.nonNull("time", time, "scanId", scanId, "phase", phase, "symbol", symbol);
        }

        @Override
        public String type() {
            return "scan.progress";
        }
    }

    /**
     * A scan ended (also when it failed: {@code errors} says why).
     *
     * @param nextScanAt when the trading loop scans next; empty while the loop is stopped
     */
    record ScanFinished(long id, Instant time, String scanId, int symbolsScanned, int decisions, int proposals,
            List<String> errors, Optional<Instant> nextScanAt) implements DeskEvent {
        public ScanFinished {
            Require.nonNull("time", time, "scanId", scanId, "nextScanAt", nextScanAt);
            errors = List.copyOf(errors);
        }

        @Override
        public String type() {
            return "scan.finished";
        }
    }

    /** The trading loop was started or stopped. */
    record TradingLoopChanged(long id, Instant time, boolean active, Optional<Instant> nextScanAt)
            implements DeskEvent {
        public TradingLoopChanged {
            Require.nonNull("time", time, "nextScanAt", nextScanAt);
        }

        @Override
        public String type() {
            return "trading.loop";
        }
    }

    /** The broker connection was lost or came back (or its message changed). */
    record BrokerConnectionChanged(long id, Instant time, String broker, boolean connected, String message)
            implements DeskEvent {
        public BrokerConnectionChanged {
            Require.nonNull("time", time, "broker", broker, "message", message);
        }

        @Override
        public String type() {
            return "health.broker";
        }
    }

    /** The AI provider's state changed: a call failed (timeout, refused key, …) or succeeded again. */
    record AdvisorStatusChanged(long id, Instant time, String provider, boolean connected, String message)
            implements DeskEvent {
        public AdvisorStatusChanged {
            Require.nonNull("time", time, "provider", provider, "message", message);
        }

        @Override
        public String type() {
            return "health.ai";
        }
    }

    /** The license state changed (status or reason). */
    record LicenseChanged(long id, Instant time, LicenseState license) implements DeskEvent {
        public LicenseChanged {
            Require.nonNull("time", time, "license", license);
        }

        @Override
        public String type() {
            return "health.license";
        }
    }

    /**
     * The kill switch engaged.
     *
     * @param engagedBy {@code user} or {@code daily_loss_limit}
     */
    record KillSwitchEngaged(long id, Instant time, String reason, String engagedBy) implements DeskEvent {
        public KillSwitchEngaged {
            Require.nonNull("time", time, "reason", reason, "engagedBy", engagedBy);
        }

        @Override
        public String type() {
            return "kill_switch.engaged";
        }
    }

    /** The kill switch was released. */
    record KillSwitchReleased(long id, Instant time) implements DeskEvent {
        public KillSwitchReleased {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String type() {
            return "kill_switch.released";
        }
    }

    /**
     * Something needs the user's attention, e.g. {@code unprotected_position}: a filled position lost
     * its stop.
     *
     * @param code a stable, snake_case kind
     * @param symbol the symbol concerned, if any
     */
    record Warning(long id, Instant time, String code, String message, Optional<String> symbol) implements DeskEvent {
        public Warning {
            Require.nonNull("time", time, "code", code, "message", message, "symbol", symbol);
        }

        @Override
        public String type() {
            return "warning";
        }
    }
}
