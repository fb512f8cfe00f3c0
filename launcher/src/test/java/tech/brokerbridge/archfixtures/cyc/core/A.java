package tech.brokerbridge.archfixtures.cyc.core;

/** Planted violation: core → ports → core. */
public class A {
    tech.brokerbridge.archfixtures.cyc.ports.B b;
}
