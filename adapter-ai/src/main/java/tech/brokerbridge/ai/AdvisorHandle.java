package tech.brokerbridge.ai;

import java.util.Optional;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.AdvisorException;

/**
 * An {@link Advisor} built by {@link AdvisorFactory}, plus its connectivity for the health view.
 *
 * <p>Thread-safe; the status methods never block.
 */
public interface AdvisorHandle extends Advisor {
    /**
     * True when the last call to the provider succeeded. The offline advisor is always connected;
     * a network advisor is not connected until its first call succeeds.
     */
    boolean connected();

    /** A short sentence for the health view, e.g. {@code last call ok} or {@code unauthorized}; no secret. */
    String statusMessage();

    /**
     * Why the last call failed, if it did. {@link AdvisorException.Kind#UNAUTHORIZED} means the
     * provider's saved credential should be shown in error ("unauthorized").
     */
    Optional<AdvisorException.Kind> lastFailure();
}
