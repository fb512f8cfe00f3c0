package tech.brokerbridge.sqlite;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.journal.DecisionLog;
import tech.brokerbridge.ports.journal.DeskState;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OutboundAudit;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.tck.DecisionLogContract;
import tech.brokerbridge.ports.tck.DeskStateContract;
import tech.brokerbridge.ports.tck.OrderLogContract;
import tech.brokerbridge.ports.tck.OutboundAuditContract;
import tech.brokerbridge.ports.tck.ProposalLogContract;

/** The SQLite journal passes every journal role's contract, reopening the file for the durability tests. */
class SqliteJournalContractTest {
    @TempDir
    Path dir;

    private ClosableJournal open() {
        return SqliteJournalFactory.open(SqliteConfig.defaults(dir));
    }

    private ClosableJournal reopened(Object current) {
        ((ClosableJournal) current).close();
        return open();
    }

    @Nested
    class Proposals extends ProposalLogContract {
        @Override
        protected ProposalLog newJournal() {
            return open();
        }

        @Override
        protected Optional<ProposalLog> reopen(ProposalLog current) {
            return Optional.of(reopened(current));
        }

        @Override
        protected OrderLog ordersOf(ProposalLog log) {
            return (ClosableJournal) log;
        }
    }

    @Nested
    class Decisions extends DecisionLogContract {
        @Override
        protected DecisionLog newJournal() {
            return open();
        }

        @Override
        protected Optional<DecisionLog> reopen(DecisionLog current) {
            return Optional.of(reopened(current));
        }
    }

    @Nested
    class Orders extends OrderLogContract {
        @Override
        protected OrderLog newJournal() {
            return open();
        }

        @Override
        protected Optional<OrderLog> reopen(OrderLog current) {
            return Optional.of(reopened(current));
        }
    }

    @Nested
    class Audit extends OutboundAuditContract {
        @Override
        protected OutboundAudit newJournal() {
            return open();
        }

        @Override
        protected Optional<OutboundAudit> reopen(OutboundAudit current) {
            return Optional.of(reopened(current));
        }
    }

    @Nested
    class State extends DeskStateContract {
        @Override
        protected DeskState newJournal() {
            return open();
        }

        @Override
        protected Optional<DeskState> reopen(DeskState current) {
            return Optional.of(reopened(current));
        }
    }
}
