package tech.brokerbridge.archfixtures.a2c.core;

/** Planted violation target. */
public class CoreThing {
}
