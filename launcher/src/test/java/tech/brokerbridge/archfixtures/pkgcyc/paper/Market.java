package tech.brokerbridge.archfixtures.pkgcyc.paper;

/** A published interface, implemented under internal. */
public interface Market {
}
