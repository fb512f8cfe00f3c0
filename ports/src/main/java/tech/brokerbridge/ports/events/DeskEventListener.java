package tech.brokerbridge.ports.events;

/**
 * Receives the desk's events ({@link DeskEvents#subscribe}). Called on a delivery thread of its own
 * subscription, one event at a time, in id order. It may be slow (only its own buffer fills), but it
 * should not throw: an exception is logged and the next event is delivered.
 */
@FunctionalInterface
public interface DeskEventListener {
    void onEvent(DeskEvent event);
}
