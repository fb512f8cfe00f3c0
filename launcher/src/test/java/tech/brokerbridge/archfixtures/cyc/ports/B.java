package tech.brokerbridge.archfixtures.cyc.ports;

/** Planted violation: ports → core closes the cycle. */
public class B {
    tech.brokerbridge.archfixtures.cyc.core.A a;
}
