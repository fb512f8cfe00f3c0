package tech.brokerbridge.archfixtures.internal.core;

/** Allowed: a module uses its own internal package. */
public class ThingFactory {
    final tech.brokerbridge.archfixtures.internal.core.internal.Hidden hidden = new tech.brokerbridge.archfixtures.internal.core.internal.Hidden();
}
