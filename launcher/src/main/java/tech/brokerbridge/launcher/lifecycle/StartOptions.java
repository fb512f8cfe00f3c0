package tech.brokerbridge.launcher.lifecycle;

/**
 * Start-up choices that are not configuration: they hold for one start only.
 *
 * @param acceptEmptyJournal start on a missing or empty journal even though the paper account or the
 *     vault shows that the desk has run here before ({@code serve --accept-empty-journal})
 */
public record StartOptions(boolean acceptEmptyJournal) {
    public static final StartOptions DEFAULTS = new StartOptions(false);
}
