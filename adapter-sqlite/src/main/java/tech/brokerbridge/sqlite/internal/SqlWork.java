package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on the journal's connection, run inside one transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
