package tech.brokerbridge.stripe.internal;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.param.SubscriptionUpdateParams;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;
import tech.brokerbridge.stripe.StripeConfig;

/**
 * {@link LicenseService} over stripe-java: subscription retrieve for a check, subscription update of
 * the metadata key {@value StripeAnswers#INSTALLATION_KEY} for a bind. Thread-safe and stateless:
 * every call builds a {@link StripeClient} with its own API key. See the factory for the contract.
 */
public final class StripeLicenseService implements LicenseService {
    private static final Logger LOG = LoggerFactory.getLogger(StripeLicenseService.class);
    /** Stripe ids are {@code sub_} plus letters and digits; anything else is not a license key. */
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("sub_[A-Za-z0-9]{1,250}");
    /** Stripe's limit for a metadata value. */
    private static final int MAX_METADATA_VALUE = 500;
    private final StripeConfig config;
    private final Pause pause;

    /** Waits between a bind's write and its read-back; tests pass one that waits for an event instead. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    public StripeLicenseService(StripeConfig config) {
        this(config, d -> Thread.sleep(d.toMillis()));
    }

    public StripeLicenseService(StripeConfig config, Pause pause) {
        this.config = config;
        this.pause = pause;
        // Belt and braces: the transport drops the telemetry header anyway; this also stops the SDK
        // from collecting request timings and creating a telemetry id file. Process-wide by design
        // of the SDK (no per-client switch in 33.x): the product promises no telemetry at all.
        Stripe.enableTelemetry = false;
    }

    @Override
    public SubscriptionCheck check(Secret licenseKey, Secret apiKey) {
        Optional<SubscriptionCheck> refused = refuseBadInput(licenseKey, apiKey);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            Subscription s = client(apiKey).v1().subscriptions().retrieve(licenseKey.reveal());
            return logged("check", StripeAnswers.found(s));
        } catch (StripeException e) {
            return logged("check", StripeAnswers.translate(e));
        } catch (RuntimeException e) { // top-level translation: e.g. an unparsable 200 from a proxy
            return logged("check", StripeAnswers.unexpected(e));
        }
    }

    @Override
    public SubscriptionCheck bind(Secret licenseKey, Secret apiKey, String installationId) {
        if (installationId == null || installationId.isBlank() || installationId.length() > MAX_METADATA_VALUE) {
            throw new IllegalArgumentException("installation id must be 1 to " + MAX_METADATA_VALUE + " characters");
        }
        Optional<SubscriptionCheck> refused = refuseBadInput(licenseKey, apiKey);
        if (refused.isPresent()) {
            return refused.get();
        }
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder()
                .putMetadata(StripeAnswers.INSTALLATION_KEY, installationId).build();
        try {
            StripeClient client = client(apiKey);
            Subscription s = client.v1().subscriptions().update(licenseKey.reveal(), params);
            return logged("bind", readBack(client, licenseKey, StripeAnswers.found(s)));
        } catch (StripeException e) {
            return logged("bind", StripeAnswers.translate(e));
        } catch (RuntimeException e) { // top-level translation, as above
            return logged("bind", StripeAnswers.unexpected(e));
        }
    }

    /**
     * What the subscription says a moment after the write: another installation's write may have landed
     * meanwhile, and then this one did not win. When the read-back cannot be made, the write's echo
     * stands (the keeper's early re-check settles it).
     */
    private SubscriptionCheck readBack(StripeClient client, Secret licenseKey, SubscriptionCheck echoed) {
        if (!(echoed instanceof SubscriptionCheck.Found) || config.bindReadBack().isZero()) {
            return echoed;
        }
        try {
            pause.pause(config.bindReadBack());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return echoed;
        }
        try {
            SubscriptionCheck again = StripeAnswers.found(client.v1().subscriptions().retrieve(licenseKey.reveal()));
            return again instanceof SubscriptionCheck.Unreachable ? echoed : again;
        } catch (StripeException e) {
            SubscriptionCheck c = StripeAnswers.translate(e);
            return c instanceof SubscriptionCheck.Unreachable ? echoed : c;
        }
    }

    /** Answers locally what Stripe would refuse anyway, so that nothing odd goes into a URL. */
    private static Optional<SubscriptionCheck> refuseBadInput(Secret licenseKey, Secret apiKey) {
        if (!SUBSCRIPTION_ID.matcher(licenseKey.reveal()).matches()) {
            return Optional.of(new SubscriptionCheck.NotFound("a license key is a Stripe subscription id (sub_ "
                    + "followed by letters and digits); this one is not"));
        }
        if (apiKey.isEmpty() || apiKey.reveal().chars().anyMatch(Character::isWhitespace)) {
            return Optional.of(new SubscriptionCheck.Unauthorized("the Stripe API key is empty or holds spaces"));
        }
        return Optional.empty();
    }

    private StripeClient client(Secret apiKey) {
        return StripeClient.builder()
                .setApiKey(apiKey.reveal())
                .setApiBase(config.apiBase().toString())
                .setConnectTimeout(millis(config.connectTimeout()))
                .setReadTimeout(millis(config.readTimeout()))
                .setMaxNetworkRetries(config.maxNetworkRetries())
                .setHttpClient(new PrivateTransport())
                .build();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static SubscriptionCheck logged(String call, SubscriptionCheck answer) {
        // never the keys nor the subscription id: only what kind of answer came back
        if (answer instanceof SubscriptionCheck.Found f) {
            LOG.debug("stripe {}: subscription status {}", call, f.status());
        } else if (answer instanceof SubscriptionCheck.Unreachable u) {
            LOG.warn("stripe {}: unreachable ({})", call, u.reason());
        } else {
            LOG.info("stripe {}: {}", call, answer);
        }
        return answer;
    }
}
