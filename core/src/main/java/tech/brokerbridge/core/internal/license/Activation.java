package tech.brokerbridge.core.internal.license;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.SubscriptionCheck;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/** The rules of an activation: what input is refused, which answers refuse it, how the keys are saved. */
final class Activation {
    private static final Pattern LICENSE_KEY = Pattern.compile("sub_[A-Za-z0-9]{1,250}");
    private static final Pattern STRIPE_KEY = Pattern.compile("(rk|sk)_[A-Za-z0-9_]{1,500}");
    private static final String NOTHING_SAVED = "; nothing was saved";

    private Activation() {
    }

    /** The key without the spaces or line breaks a paste may bring. */
    static Secret stripped(Secret key) {
        return Secret.of(key.reveal().strip());
    }

    static Optional<String> badInput(Secret licenseKey, Secret apiKey) {
        String lk = licenseKey.reveal();
        if (lk.isEmpty()) {
            return Optional.of("license_key is empty");
        }
        if (!LICENSE_KEY.matcher(lk).matches()) {
            return Optional.of("license_key must be the Stripe subscription id that came with the license "
                    + "(sub_ followed by letters and digits)");
        }
        String ak = apiKey.reveal();
        if (ak.isEmpty()) {
            return Optional.of("stripe_key is empty");
        }
        if (!STRIPE_KEY.matcher(ak).matches()) {
            return Optional.of("stripe_key must be the restricted Stripe key that came with the license (rk_…)");
        }
        return Optional.empty();
    }

    /** The refusal that Stripe's answer to a bind means, or empty when the activation may go on. */
    static Optional<ActivationResult.Refused> refusal(SubscriptionCheck answer, String installationId,
            LicenseState unchanged) {
        if (answer instanceof SubscriptionCheck.Unreachable u) {
            return refuse(ActivationResult.Cause.UNREACHABLE, "Stripe could not be reached (" + u.reason()
                    + ") \u2014 try again when the desk is online" + NOTHING_SAVED, unchanged);
        }
        if (answer instanceof SubscriptionCheck.NotFound) {
            return refuse(ActivationResult.Cause.UNKNOWN_SUBSCRIPTION, "Stripe knows no such subscription "
                    + "\u2014 check the license key" + NOTHING_SAVED, unchanged);
        }
        if (answer instanceof SubscriptionCheck.Unauthorized u) {
            return refuse(ActivationResult.Cause.KEY_REFUSED, "Stripe refused the Stripe key (" + u.reason()
                    + ") \u2014 use the restricted key that came with the license" + NOTHING_SAVED, unchanged);
        }
        SubscriptionCheck.Found f = (SubscriptionCheck.Found) answer;
        if (!LicensePolicy.paid(f.status())) {
            return refuse(ActivationResult.Cause.SUBSCRIPTION_INACTIVE, LicensePolicy.unpaidReason(f.status())
                    + NOTHING_SAVED, unchanged);
        }
        if (!f.boundInstallation().equals(Optional.of(installationId))) {
            return refuse(ActivationResult.Cause.UNREACHABLE, "Stripe did not confirm the binding to this "
                    + "installation \u2014 try again" + NOTHING_SAVED, unchanged);
        }
        return Optional.empty();
    }

    private static Optional<ActivationResult.Refused> refuse(ActivationResult.Cause cause, String reason,
            LicenseState unchanged) {
        return Optional.of(new ActivationResult.Refused(cause, reason, unchanged));
    }

    /**
     * Saves both keys. When the second cannot be saved, puts the first back as it was, so the vault
     * never holds a license key with another license's Stripe key.
     */
    static void save(SecretStore vault, Secret licenseKey, Secret apiKey) {
        Optional<Secret> previous = vault.get(LicenseKeeper.LICENSE_KEY);
        vault.put(LicenseKeeper.LICENSE_KEY, licenseKey);
        try {
            vault.put(LicenseKeeper.API_KEY, apiKey);
        } catch (SecretStoreException e) {
            try {
                if (previous.isPresent()) {
                    vault.put(LicenseKeeper.LICENSE_KEY, previous.get());
                } else {
                    vault.delete(LicenseKeeper.LICENSE_KEY);
                }
            } catch (SecretStoreException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** A definitive answer (anything but unreachable) as evidence obtained at {@code at}. */
    static LicenseRecord.Answer answerOf(SubscriptionCheck answer, Instant at) {
        if (answer instanceof SubscriptionCheck.Found f) {
            return new LicenseRecord.Found(at, f.status(), f.boundInstallation(), f.currentPeriodEnd());
        }
        if (answer instanceof SubscriptionCheck.NotFound) {
            return new LicenseRecord.NotFound(at);
        }
        if (answer instanceof SubscriptionCheck.Unauthorized) {
            return new LicenseRecord.KeyRefused(at);
        }
        throw new IllegalArgumentException("not a definitive answer: " + answer.getClass().getSimpleName());
    }
}
