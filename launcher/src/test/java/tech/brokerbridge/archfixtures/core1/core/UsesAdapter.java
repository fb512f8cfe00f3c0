package tech.brokerbridge.archfixtures.core1.core;

/** Planted violation: core depending on an adapter. */
public class UsesAdapter {
    final tech.brokerbridge.archfixtures.core1.paper.PaperThing thing = new tech.brokerbridge.archfixtures.core1.paper.PaperThing();
}
