package tech.brokerbridge.archfixtures.internal.launcher;

/** Planted violation: the launcher reaches into core's internal package. */
public class UsesCoreInternal {
    final tech.brokerbridge.archfixtures.internal.core.internal.Hidden hidden = new tech.brokerbridge.archfixtures.internal.core.internal.Hidden();
}
