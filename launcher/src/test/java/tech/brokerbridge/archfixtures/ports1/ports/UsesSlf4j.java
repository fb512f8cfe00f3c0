package tech.brokerbridge.archfixtures.ports1.ports;

/** Planted violation: a port that depends on SLF4J. */
public class UsesSlf4j {
    final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UsesSlf4j.class);
}
