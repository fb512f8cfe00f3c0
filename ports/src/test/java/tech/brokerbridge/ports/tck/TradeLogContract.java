package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.closedTrade;
import static tech.brokerbridge.ports.tck.JournalSamples.id;
import static tech.brokerbridge.ports.tck.JournalSamples.openTrade;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.TradeLog;
import tech.brokerbridge.ports.market.Direction;

/**
 * The contract every {@link TradeLog} passes (TCK): open trades upserted by id and listed oldest
 * first; a closed trade comes back exactly as saved, replaces the open trade of its id and an earlier
 * record of itself; closed trades are selected by exit time in {@code [from, to)}, oldest exit first.
 */
public abstract class TradeLogContract<J extends TradeLog> extends JournalRoleContract<J> {
    protected TradeLogContract(Supplier<? extends J> open, UnaryOperator<J> reopen) {
        super(open, reopen);
    }

    @Test
    public void aNewLogHasNoTrades() {
        assertEquals(List.of(), journal.openTrades());
        assertEquals(Optional.empty(), journal.findClosedTrade(id(1)));
        assertEquals(List.of(), journal.closedTrades(Instant.EPOCH, T0.plusSeconds(999_999)));
    }

    @Test
    public void openTradesAreUpsertedAndListedOldestFirst() {
        OpenTrade b = openTrade(2, T0.plusSeconds(1));
        OpenTrade a = openTrade(1, T0);
        journal.saveOpenTrade(b);
        journal.saveOpenTrade(a);
        OpenTrade grown = new OpenTrade(a.tradeId(), a.proposalId(), a.symbol(), a.direction(), a.setupType(),
                a.advisor(), 12, 100.75, a.initialStop(), a.openedAt());
        journal.saveOpenTrade(grown);
        assertEquals(List.of(grown, b), journal.openTrades());
    }

    @Test
    public void aClosedTradeReplacesItsOpenTradeAndComesBackExactly() {
        journal.saveOpenTrade(openTrade(1, T0));
        journal.saveOpenTrade(openTrade(2, T0));
        ClosedTrade closed = closedTrade(1, T0.plusSeconds(7200));
        journal.saveClosedTrade(closed);
        assertEquals(List.of(openTrade(2, T0)), journal.openTrades());
        assertEquals(Optional.of(closed), journal.findClosedTrade(id(1)));
        ClosedTrade loser = new ClosedTrade(id(3), Optional.empty(), "TSLA", Direction.SHORT, "breakdown ✓",
                "offline", 7, T0, 250.125, T0.plusNanos(1), 251.0, -6.125, 0.0, 0.0,
                ClosedTrade.ExitReason.FLATTEN);
        journal.saveClosedTrade(loser);
        reopenIfDurable();
        assertEquals(Optional.of(loser), journal.findClosedTrade(id(3)));
        assertEquals(Optional.of(closed), journal.findClosedTrade(id(1)));
        assertTrue(journal.findClosedTrade(id(3)).orElseThrow().rMultiple().isEmpty(), "no initial risk, no R");
        assertEquals(35.5, journal.findClosedTrade(id(1)).orElseThrow().realizedPnl(), 1e-12);
    }

    @Test
    public void aSecondSaveReplacesTheClosedTrade() {
        ClosedTrade first = closedTrade(1, T0.plusSeconds(60));
        journal.saveClosedTrade(first);
        ClosedTrade withCommission = new ClosedTrade(first.tradeId(), first.proposalId(), first.symbol(),
                first.direction(), first.setupType(), first.advisor(), first.quantity(), first.entryTime(),
                first.entryPrice(), first.exitTime(), first.exitPrice(), first.grossPnl(), 3.0, first.initialRisk(),
                first.exitReason());
        journal.saveClosedTrade(withCommission);
        assertEquals(List.of(withCommission), journal.closedTrades(Instant.EPOCH, T0.plusSeconds(61)));
    }

    @Test
    public void closedTradesAreSelectedByExitTimeOldestFirst() {
        ClosedTrade early = closedTrade(3, T0.plusSeconds(10));
        ClosedTrade tieB = closedTrade(2, T0.plusSeconds(20));
        ClosedTrade tieA = closedTrade(1, T0.plusSeconds(20));
        ClosedTrade late = closedTrade(4, T0.plusSeconds(30));
        for (ClosedTrade t : List.of(late, tieB, early, tieA)) {
            journal.saveClosedTrade(t);
        }
        assertEquals(List.of(early, tieA, tieB, late), journal.closedTrades(T0, T0.plusSeconds(31)));
        assertEquals(List.of(tieA, tieB), journal.closedTrades(T0.plusSeconds(20), T0.plusSeconds(30)),
                "from is inclusive, to exclusive");
        assertEquals(List.of(), journal.closedTrades(T0.plusSeconds(31), T0.plusSeconds(31)));
        assertThrows(IllegalArgumentException.class, () -> journal.closedTrades(T0.plusSeconds(1), T0));
    }

    @Test
    public void concurrentWritersLoseNothing() throws Exception {
        concurrently(4, t -> {
            for (int i = 0; i < 15; i++) {
                int n = t * 100 + i;
                journal.saveOpenTrade(openTrade(n, T0));
                journal.saveClosedTrade(closedTrade(n, T0.plusSeconds(n)));
            }
        });
        assertEquals(List.of(), journal.openTrades());
        assertEquals(60, journal.closedTrades(Instant.EPOCH, T0.plusSeconds(10_000)).size());
    }
}
