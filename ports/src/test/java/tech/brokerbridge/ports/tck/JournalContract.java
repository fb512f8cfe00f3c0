package tech.brokerbridge.ports.tck;

import org.junit.jupiter.api.Nested;
import tech.brokerbridge.ports.journal.Journal;

/**
 * Every role's contract for a whole {@link Journal} (TCK): a test class that extends this and says how
 * to open (and, when its storage outlives the object, reopen) the journal runs the contracts of
 * {@link tech.brokerbridge.ports.journal.ProposalLog}, {@link tech.brokerbridge.ports.journal.DecisionLog},
 * {@link tech.brokerbridge.ports.journal.OrderLog}, {@link tech.brokerbridge.ports.journal.OutboundAudit},
 * {@link tech.brokerbridge.ports.journal.DeskState}, {@link tech.brokerbridge.ports.journal.TradeActionLog}
 * and {@link tech.brokerbridge.ports.journal.TradeLog} as nested classes. An implementation of a single
 * role extends that role's contract instead.
 *
 * @param <J> the journal under test
 */
public abstract class JournalContract<J extends Journal> {
    /** A new, empty journal. */
    protected abstract J open();

    /**
     * Closes {@code current} and opens the same storage again. The default keeps {@code current}: for a
     * journal that keeps nothing beyond its own lifetime, the durability tests read back from it.
     */
    protected J reopen(J current) {
        return current;
    }

    @Nested
    public class Proposals extends ProposalLogContract<J> {
        public Proposals() {
            super(JournalContract.this::open, JournalContract.this::reopen);
        }
    }

    @Nested
    public class Decisions extends DecisionLogContract<J> {
        public Decisions() {
            super(JournalContract.this::open, JournalContract.this::reopen);
        }
    }

    @Nested
    public class Orders extends OrderLogContract<J> {
        public Orders() {
            super(JournalContract.this::open, JournalContract.this::reopen);
        }
    }

    @Nested
    public class Audit extends OutboundAuditContract<J> {
        public Audit() {
            super(JournalContract.this::open, JournalContract.this::reopen);
        }
    }

    @Nested
    public class State extends DeskStateContract<J> {
        public State() {
            super(JournalContract.this::open, JournalContract.this::reopen);
        }
    }

    @Nested
    public class Actions extends TradeActionLogContract<J> {
        public Actions() {
            super(JournalContract.this::open, JournalContract.this::reopen);
        }
    }

    @Nested
    public class Trades extends TradeLogContract<J> {
        public Trades() {
            super(JournalContract.this::open, JournalContract.this::reopen);
        }
    }
}
