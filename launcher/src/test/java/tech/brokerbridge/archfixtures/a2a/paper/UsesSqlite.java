package tech.brokerbridge.archfixtures.a2a.paper;

/** Planted violation: one adapter depending on another. */
public class UsesSqlite {
    final tech.brokerbridge.archfixtures.a2a.sqlite.SqliteThing thing = new tech.brokerbridge.archfixtures.a2a.sqlite.SqliteThing();
}
