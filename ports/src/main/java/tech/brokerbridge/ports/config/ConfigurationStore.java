package tech.brokerbridge.ports.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staged configuration (driven port): the configuration the desk runs on, the one its next start
 * would load, and changes to it that are checked as the next start would check them before they
 * replace it. The setup use cases edit the configuration through it; the launcher implements it
 * over {@code config.json}.
 *
 * <p>Values are given as a configuration file holds them: {@link String}, {@link Integer},
 * {@link Double}, {@link Boolean} or a {@link List} of strings, by setting key.
 *
 * <p><b>Threading.</b> Thread-safe. {@link #running()}, {@link #saved()}, {@link #override} and
 * {@link #read} are in-memory reads. {@link #stage} reads and writes the file system (a staged copy);
 * the caller serializes stagings and commits.
 *
 * <p><b>Errors.</b> Problems of values are results, never exceptions. A file system that cannot be
 * written surfaces as an {@link java.io.UncheckedIOException}.
 */
public interface ConfigurationStore {
    /** The configuration the desk was started with. */
    SettingsView running();

    /** The configuration the next start would load: the running one until a change is committed. */
    SettingsView saved();

    /**
     * Where {@code key}'s value comes from when that source would win over a saved change, in words
     * (e.g. {@code the environment variable BROKERBRIDGE_PORT}); empty when a change would take effect.
     */
    Optional<String> override(String key);

    /**
     * Reads one value of {@code key} against its declaration, without anything else: the typed value,
     * or the problem ({@code cannot be set here} for a key that is not a setting or is a secret).
     */
    Parsed<?> read(String key, Object value);

    /**
     * Writes {@code changes} over the saved configuration in a staging place and loads the result as
     * the next start would: every value against its declaration, every owner's rules, the whole file.
     * Nothing replaces the saved configuration until {@link Staged#commit()}.
     */
    Staged stage(Map<String, Object> changes);

    /** A staged configuration. {@link #close()} discards it unless it was committed. */
    interface Staged extends AutoCloseable {
        /** Every problem of the staged configuration; empty when it is valid. */
        List<SettingProblem> problems();

        /**
         * The staged configuration.
         *
         * @throws IllegalStateException when it has problems
         */
        SettingsView view();

        /**
         * Makes it the saved configuration, in one atomic step.
         *
         * @throws IllegalStateException when it has problems
         * @throws java.io.UncheckedIOException when it cannot be written
         */
        void commit();

        @Override
        void close();
    }
}
