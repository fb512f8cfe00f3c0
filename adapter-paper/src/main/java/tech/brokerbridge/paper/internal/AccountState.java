package tech.brokerbridge.paper.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/**
 * Everything the paper account file holds: an immutable copy of the exchange at one moment. The
 * exchange captures it to save and rebuilds itself from it to load (or to roll back a change that
 * could not be saved).
 *
 * @param seed the price seed the account was opened with: its positions are valued on that market
 * @param idPrefix prefix of every leg and execution id this account hands out
 * @param nextOrderId the number of the next leg id
 * @param nextExecutionId the number of the next execution id
 * @param simulatedTime how far the market's simulated time had gone
 * @param priceFactors per symbol, the factor a forced price left on the symbol's path
 * @param brackets every bracket ever accepted, in the order they were accepted
 * @param trades what looking after the trades changed: legs moved, closing orders and stand-alone
 *     stops, commissions charged
 */
record AccountState(String currency, long seed, String idPrefix, long nextOrderId, long nextExecutionId,
        Instant simulatedTime, Ledger ledger, Map<String, Double> priceFactors, List<BracketState> brackets,
        TradeState trades) {
    AccountState {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(idPrefix, "idPrefix");
        Objects.requireNonNull(simulatedTime, "simulatedTime");
        Objects.requireNonNull(ledger, "ledger");
        priceFactors = Map.copyOf(priceFactors);
        brackets = List.copyOf(brackets);
        Objects.requireNonNull(trades, "trades");
    }

    /** An account no trade was looked after in yet. */
    AccountState(String currency, long seed, String idPrefix, long nextOrderId, long nextExecutionId,
            Instant simulatedTime, Ledger ledger, Map<String, Double> priceFactors, List<BracketState> brackets) {
        this(currency, seed, idPrefix, nextOrderId, nextExecutionId, simulatedTime, ledger, priceFactors, brackets,
                TradeState.NONE);
    }

    /**
     * What looking after the trades changed, beside the brackets as submitted.
     *
     * @param legs bracket legs that no longer stand where their order put them, by leg id
     * @param orders closing orders and stand-alone stops, in the order they were placed
     * @param commissions what each execution was charged, by execution id (executions charged nothing
     *     are left out)
     */
    record TradeState(Map<String, LegChange> legs, List<LoneOrderState> orders, Map<String, Double> commissions) {
        static final TradeState NONE = new TradeState(Map.of(), List.of(), Map.of());

        TradeState {
            legs = Map.copyOf(legs);
            orders = List.copyOf(orders);
            commissions = Map.copyOf(commissions);
        }
    }

    /** Where a bracket leg stands after a modification or a cut: its quantity, its price, and its trail. */
    record LegChange(long quantity, double price, Optional<TrailingStop> trailing) {
        LegChange {
            Objects.requireNonNull(trailing, "trailing");
        }
    }

    /** A closing order or a stand-alone stop: its own ref, the position side it closes, and its state. */
    record LoneOrderState(String ref, OrderLeg leg, String id, String symbol, Direction positionDirection,
            long quantity, double price, OrderState state, Optional<Execution> execution) {
        LoneOrderState {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(leg, "leg");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(positionDirection, "positionDirection");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(execution, "execution");
        }
    }

    /** Cash, today's figures and the positions. */
    record Ledger(double cash, LocalDate day, double realizedToday, double startOfDayEquity, List<Holding> holdings) {
        Ledger {
            Objects.requireNonNull(day, "day");
            holdings = List.copyOf(holdings);
        }
    }

    /** A signed position with its average cost and what it has realized so far. */
    record Holding(String symbol, long quantity, double averageCost, double realized) {
        Holding {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** A bracket as submitted, with its three legs (entry, stop loss, take profit). */
    record BracketState(BracketOrder order, List<LegState> legs) {
        BracketState {
            Objects.requireNonNull(order, "order");
            legs = List.copyOf(legs);
        }
    }

    /** One leg: its id, its state and, once filled, its execution (legs fill whole, in one execution). */
    record LegState(OrderLeg leg, String id, OrderState state, Optional<Execution> execution) {
        LegState {
            Objects.requireNonNull(leg, "leg");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(execution, "execution");
        }
    }

    /** The fill of a leg: execution id, price and simulated time. */
    record Execution(String executionId, double price, Instant time) {
        Execution {
            Objects.requireNonNull(executionId, "executionId");
            Objects.requireNonNull(time, "time");
        }
    }
}
