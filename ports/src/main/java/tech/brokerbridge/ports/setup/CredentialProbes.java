package tech.brokerbridge.ports.setup;

import tech.brokerbridge.ports.Secret;

/**
 * What the adapters can say about credentials (driven port), for the setup use cases: a key tried
 * with its provider, a connection tried with IB Gateway, the running advisor's last call. The launcher
 * provides it from the AI, IB and license adapters.
 *
 * <p>Thread-safe. The tests block for at most their own timeout (about 15 s for an AI provider, 5 s
 * for IB Gateway) and never throw for a network problem: the result says what happened. Nothing here
 * returns, logs or puts a credential or an account id in a message.
 */
public interface CredentialProbes {
    /** Tries an AI provider's key with the provider's cheapest authenticated call; saves nothing. */
    CredentialTest testAiKey(String provider, Secret key);

    /** Tries a Stripe restricted key; {@code not_available} when this build cannot. */
    CredentialTest testStripeKey(Secret key);

    /**
     * One connection test to IB Gateway/TWS on a connection of its own;
     * {@link IbkrCheck.Invalid} names {@code host}, {@code port} or {@code client_id} when one is not
     * acceptable, {@link IbkrCheck.NotAvailable} when this build has no IB adapter.
     */
    IbkrCheck testIbkr(String host, int port, int clientId);

    /** What the running advisor's last call showed; an in-memory read. */
    AdvisorObservation advisor();
}
