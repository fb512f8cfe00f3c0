package tech.brokerbridge.signals.internal;

import tech.brokerbridge.ports.market.Direction;

/**
 * A plugin for one direction whose other direction is its mirror: one instance per direction, each
 * with its own name, the comparisons turned round for the short side.
 */
abstract class MirroredPlugin extends NamedPlugin {
    final Direction direction;
    final boolean up;

    MirroredPlugin(Direction direction, String longName, String shortName, int minBars) {
        super(direction == Direction.LONG ? longName : shortName, minBars);
        this.direction = direction;
        this.up = direction == Direction.LONG;
    }

    /** {@code a} strictly past {@code b} in this instance's direction (above for long, below for short). */
    final boolean beyond(double a, double b) {
        return up ? a > b : a < b;
    }
}
