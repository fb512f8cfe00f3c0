/**
 * The desk's live events: the sealed {@link tech.brokerbridge.ports.events.DeskEvent} family and the
 * {@link tech.brokerbridge.ports.events.DeskEvents} port to subscribe to them.
 */
package tech.brokerbridge.ports.events;
