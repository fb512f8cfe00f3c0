package tech.brokerbridge.paper;

import java.util.Objects;

/**
 * Configuration of the simulated paper account and market.
 *
 * @param startingCash cash the account starts with ({@code paper.starting_cash}, default 100000); positive
 * @param currency account currency, three capital letters ({@code paper.currency}, default {@code USD})
 * @param seed seed of the synthetic price histories ({@code paper.seed}, default 7); together with the
 *     symbol it fixes every bar, so the same seed always gives the same market
 */
public record PaperConfig(double startingCash, String currency, long seed) {
    public PaperConfig {
        Objects.requireNonNull(currency, "currency");
        if (!(startingCash > 0) || Double.isInfinite(startingCash)) {
            throw new IllegalArgumentException("paper.starting_cash must be a positive amount");
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("paper.currency must be three capital letters, e.g. USD");
        }
    }

    /** 100000 USD, seed 7. */
    public static PaperConfig defaults() {
        return new PaperConfig(100_000, "USD", 7L);
    }
}
