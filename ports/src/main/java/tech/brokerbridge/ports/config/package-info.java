/**
 * Configuration settings, declared once by the record that consumes them.
 *
 * <p>A {@link tech.brokerbridge.ports.config.Setting} names one key ({@code risk.max_open_trades}),
 * its {@link tech.brokerbridge.ports.config.SettingType type} with its range or choices, its default,
 * a one-line description, whether it is a secret and any extra environment variable names. A config
 * record (e.g. {@code RiskLimits}, {@code IbkrConfig}) publishes its settings as a
 * {@link tech.brokerbridge.ports.config.SettingGroup}, with the rules between them, and builds
 * itself from a {@link tech.brokerbridge.ports.config.SettingsView}. The launcher's settings table
 * is the union of those groups: it reads the values (defaults, {@code config.json}, environment,
 * flags), checks them against the declarations and rules, and hands the owners a view.
 *
 * <p>{@link tech.brokerbridge.ports.config.ConfigurationStore} is the driven port of staged
 * configuration that the setup use cases edit. JDK only; nothing here reads a file, the
 * environment or a system property.
 */
package tech.brokerbridge.ports.config;
