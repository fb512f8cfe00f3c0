package tech.brokerbridge.archfixtures.a2c.http;

/** Planted violation: an adapter depending on core. */
public class UsesCore {
    final tech.brokerbridge.archfixtures.a2c.core.CoreThing thing = new tech.brokerbridge.archfixtures.a2c.core.CoreThing();
}
