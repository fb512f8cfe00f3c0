package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on the journal's connection that returns nothing, run inside one transaction. */
@FunctionalInterface
interface SqlStep {
    void run(Connection connection) throws SQLException;
}
