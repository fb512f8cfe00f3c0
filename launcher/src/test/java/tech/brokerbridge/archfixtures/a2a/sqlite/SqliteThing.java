package tech.brokerbridge.archfixtures.a2a.sqlite;

/** Planted violation target. */
public class SqliteThing {
}
