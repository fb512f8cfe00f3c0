package tech.brokerbridge.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;

/** Two installations, each with its own client, against one Stripe: activating moves the binding. */
class BindingMovesTest {
    static final Secret SUB = Secret.of("sub_Shared01");
    static final Secret KEY = Secret.of("rk_test_Shared");

    @Test
    void activatingOnASecondMachineMovesTheLicenseAndBack() throws Exception {
        try (FakeStripeServer stripe = new FakeStripeServer().acceptKey(KEY.reveal())
                .addSubscription(SUB.reveal(), "active")) {
            StripeConfig config = new StripeConfig(stripe.base(), Duration.ofSeconds(2), Duration.ofSeconds(5), 2,
                    Duration.ofMillis(10));
            LicenseService machineA = StripeLicenseServiceFactory.create(config);
            LicenseService machineB = StripeLicenseServiceFactory.create(config);

            assertEquals(Optional.of("inst-A"), found(machineA.bind(SUB, KEY, "inst-A")).boundInstallation());
            assertEquals(Optional.of("inst-A"), found(machineB.check(SUB, KEY)).boundInstallation());

            assertEquals(Optional.of("inst-B"), found(machineB.bind(SUB, KEY, "inst-B")).boundInstallation());
            assertEquals(Optional.of("inst-B"), found(machineA.check(SUB, KEY)).boundInstallation(),
                    "machine A sees at its next check that the license moved");
            assertEquals(Map.of("brokerbridge_installation", "inst-B"), stripe.metadata(SUB.reveal()));

            found(machineA.bind(SUB, KEY, "inst-A"));
            assertEquals(Optional.of("inst-A"), found(machineB.check(SUB, KEY)).boundInstallation());
            assertEquals(9, stripe.hits(), "one request per check, a write and a read-back per bind");
        }
    }

    private static SubscriptionCheck.Found found(SubscriptionCheck c) {
        return assertInstanceOf(SubscriptionCheck.Found.class, c);
    }
}
