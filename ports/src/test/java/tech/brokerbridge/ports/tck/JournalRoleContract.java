package tech.brokerbridge.ports.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The life cycle the journal roles' contracts share: a fresh, empty journal per test (closed after it
 * when it is {@link AutoCloseable}) and, when its storage outlives the object, a way to close and
 * reopen it, given to the constructor. A whole {@link tech.brokerbridge.ports.journal.Journal} runs every
 * role's contract at once by extending {@link JournalContract}.
 *
 * @param <J> the implementation under test, e.g. a journal that is an
 *     {@link tech.brokerbridge.ports.journal.OrderLog}
 */
public abstract class JournalRoleContract<J> {
    private final Supplier<? extends J> open;
    private final UnaryOperator<J> reopen;
    /** The implementation under test: new and empty at the start of each test. */
    protected J journal;

    /**
     * @param open a new, empty journal
     * @param reopen closes the journal it is given and opens the same storage again; for a journal that
     *     keeps nothing beyond its own lifetime, {@link UnaryOperator#identity()} (the durability tests
     *     then read back from the same object)
     */
    protected JournalRoleContract(Supplier<? extends J> open, UnaryOperator<J> reopen) {
        this.open = Objects.requireNonNull(open, "open");
        this.reopen = Objects.requireNonNull(reopen, "reopen");
    }

    @BeforeEach
    void openJournal() {
        journal = open.get();
    }

    @AfterEach
    void closeJournal() throws Exception {
        if (journal instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Reopens the journal when its storage outlives it; otherwise keeps the same object. */
    protected void reopenIfDurable() {
        journal = reopen.apply(journal);
    }

    /** Runs {@code writer} on {@code writers} threads at once (each given its number) and waits for all. */
    protected static void concurrently(int writers, IntConsumer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                int n = t;
                done.add(pool.submit(() -> writer.accept(n)));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
