package tech.brokerbridge.archfixtures.internal.core.internal;

/** Core's own insides. */
public class Hidden {
}
