package tech.brokerbridge.archfixtures.jul.http;

/** Planted violation: java.util.logging. */
public class UsesJul {
    final java.util.logging.Logger log = java.util.logging.Logger.getLogger("x");
}
