/**
 * The values of the setup wizard's driving port ({@link tech.brokerbridge.ports.desk.SetupDesk}):
 * the configuration a user may set, validation problems, credential tests and states.
 */
package tech.brokerbridge.ports.setup;
