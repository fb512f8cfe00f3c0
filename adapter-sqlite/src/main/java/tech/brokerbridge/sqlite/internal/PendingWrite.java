package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One write waiting for the journal's connection ({@link Database}'s group commit): the work, whether
 * it must be synced before its caller goes on, and, once a commit is over, its result or failure.
 * Filled in under the database's lock; read by its caller after it got that lock too.
 */
final class PendingWrite<T> {
    final String what;
    final boolean durable;
    private final SqlWork<T> work;
    private T result;
    private RuntimeException failure;
    volatile boolean done;

    PendingWrite(String what, SqlWork<T> work, boolean durable) {
        this.what = what;
        this.work = work;
        this.durable = durable;
    }

    void run(Connection connection) throws SQLException {
        result = work.run(connection);
    }

    /** Keeps the first failure: a write that failed alone stays failed for its own reason. */
    void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    void finish() {
        done = true;
    }

    /** The result, or the failure thrown in the caller's thread. */
    T result() {
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
