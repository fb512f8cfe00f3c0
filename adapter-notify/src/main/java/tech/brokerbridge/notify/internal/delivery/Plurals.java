package tech.brokerbridge.notify.internal.delivery;

/** The title of several coalesced messages of one event: "3 new proposals". */
final class Plurals {
    private Plurals() {
    }

    static String of(String event) {
        return switch (event) {
            case "proposal" -> "new proposals";
            case "fill" -> "fills";
            case "trade_closed" -> "trades closed";
            case "unprotected_position" -> "positions without a stop";
            default -> event.replace('_', ' ') + " notices";
        };
    }
}
