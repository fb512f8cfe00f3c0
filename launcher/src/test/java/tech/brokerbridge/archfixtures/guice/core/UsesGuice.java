package tech.brokerbridge.archfixtures.guice.core;

/** Planted violation: Guice outside the launcher. */
public class UsesGuice {
    com.google.inject.Injector injector;
}
