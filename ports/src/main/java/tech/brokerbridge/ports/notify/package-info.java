/** The {@link tech.brokerbridge.ports.notify.Notifier} port: desk events out to the user's notification channels. */
package tech.brokerbridge.ports.notify;
