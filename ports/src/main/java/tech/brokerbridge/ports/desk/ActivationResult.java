package tech.brokerbridge.ports.desk;

import java.util.Locale;
import java.util.Objects;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.license.LicenseState;

/** The outcome of activating a license key. Business outcomes, not exceptions. */
public sealed interface ActivationResult {
    /** The license state after the attempt (the unchanged state when refused). */
    LicenseState state();

    /** Activated: both keys are saved and the license is bound to this installation. */
    record Activated(LicenseState state) implements ActivationResult {
        public Activated {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * Refused: nothing was saved and the license state is unchanged.
     *
     * @param reason what went wrong and what to do, for a person; never contains a key
     */
    record Refused(Cause cause, String reason, LicenseState state) implements ActivationResult {
        public Refused {
            Require.nonNull("cause", cause, "reason", reason, "state", state);
        }
    }

    /** Why an activation was refused. */
    enum Cause {
        /** A key is missing or malformed (e.g. the license key does not start with {@code sub_}). */
        INVALID_INPUT,
        /** The provider knows no such subscription. */
        UNKNOWN_SUBSCRIPTION,
        /** The provider refused the Stripe key (invalid, revoked, or missing a permission). */
        KEY_REFUSED,
        /** The subscription exists but is not paid (e.g. {@code canceled}, {@code unpaid}, {@code incomplete}). */
        SUBSCRIPTION_INACTIVE,
        /** The provider could not be reached or did not confirm; trying again later can help. */
        UNREACHABLE;

        /** Snake-case code for APIs, e.g. {@code unknown_subscription}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
