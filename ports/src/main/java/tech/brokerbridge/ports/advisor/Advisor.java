package tech.brokerbridge.ports.advisor;

/**
 * Gives one decision for one {@link DecisionRequest} (driven port).
 *
 * <p>Thread-safe. {@link #decide} blocks at most the adapter's configured timeout (plus its
 * documented retries) and then throws; it never waits forever.
 */
public interface Advisor {
    /** Provider name for health and audit, e.g. {@code offline}, {@code claude}. */
    String provider();

    /** Model name, e.g. {@code rules-v1}. */
    String model();

    /**
     * A decision for the request.
     *
     * @throws AdvisorException when no valid decision could be had (unreachable, timed out,
     *     unauthorized, or an answer that stayed invalid); it carries the exchanges that were made
     */
    Advice decide(DecisionRequest request);
}
